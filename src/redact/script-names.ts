// People's names in scripts without capitals, or with capitals the Latin name finder does not read,
// found by what stands beside them on their line:
// - an honorific or a role after the name: `林志偉先生`, `陳美玲小姐`, `李浩然经理`, `田中由紀さん`, `佐々木 健太 様`, `박서연님`;
// - a speaker's introduction before it: `我叫陈晓明`, `私は鈴木一郎です`, `제 이름은 김민준입니다`,
//   `меня зовут Анна Петрова`, `Це Олена Коваленко`, `मेरा नाम राजेश कुमार शर्मा है`, `اسمي عمر الفاروق`,
//   `שמי נועה לוי`, `על שם אבי כהן`, a closing's line before the name's (`בברכה,` then `אורי בן-דוד`);
// - a closing before it on the same line: `С уважением, Дмитрий Соколов`, `Ευχαριστώ, Κατερίνα Βλάχου`.
// Chinese writes no space between words: a name there starts with a family name of the list
// below and runs two or three characters. Each rule reads one line.
import type { Finding } from './text';

// Common Chinese family names, simplified and traditional (the hundred most frequent cover most people).
export const CHINESE_FAMILY = new Set(
  [
    ...'王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯欧歐阳陽易常乔喬柯管',
  ].concat(['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛']),
);
// Korean family names, by frequency.
export const KOREAN_FAMILY = new Set([
  ...'김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용',
]);
// Words an honorific follows that are no one's name.
const NOT_NAMES = new Set([
  // What a speaker says they are (`私は学生です`, `私はエンジニアです`).
  '学生',
  '大学生',
  '会社員',
  '社会人',
  '日本人',
  'エンジニア',
  '教師',
  '医者',
  '主婦',
  '担当者',
  '関係者',
  '利用者',
  '会員',
  '皆様',
  '各位',
  '御中',
  '社長',
  '部長',
  '課長',
  '店長',
  '患者',
  '先生',
  '고객',
  '회원',
  '선생',
  '사장',
  '부장',
  '과장',
  '팀장',
  '대리',
  '여러분',
  '이메일',
  '이용자',
  '사용자',
  '가입자',
  '신청자',
  '구매자',
  '기사',
  '의사',
  '교수',
  '학생',
  '고객센터',
  // Words a family name starts (`客户周末来电`).
  '周末',
  '周一',
  '周二',
  '周三',
  '周四',
  '周五',
  '周六',
  '周日',
  '周年',
  '马上',
  '方面',
  '方式',
  '高级',
  '管理',
  '金额',
  '白天',
  '万元',
  '程序',
  '黄金',
  '钱包',
  '余额',
]);

const HAN = '\\p{Script=Han}々';
// A Japanese honorific after a run of kanji or katakana (with one space inside: `佐々木 健太 様`).
// (Its reading in kana may stand in brackets before the honorific: `佐々木 美穂（ささき みほ）様`; a
// letter's `宛` and `氏` are honorifics too, not `宛先` or `氏名`.)
const JAPANESE_HONORIFIC = new RegExp(
  `([${HAN}\\p{Script=Katakana}ー]{2,5}(?:[ \\u3000][${HAN}\\p{Script=Katakana}ー]{1,4})?)[ \\u3000]?(?:[（(]([\\p{Script=Hiragana}\\p{Script=Katakana}ー]{1,8}(?:[ \\u3000][\\p{Script=Hiragana}\\p{Script=Katakana}ー]{1,8})?)[）)][ \\u3000]?)?(?:様(?![${HAN}])|さま|さん|殿(?![${HAN}])|ちゃん|くん|宛(?![先${HAN}])|氏(?![名${HAN}]))`,
  'gu',
);
// A Chinese honorific after up to three characters (the name starts at a family name).
const CHINESE_HONORIFIC = new RegExp(
  `([${HAN}]{1,4})(?:先生|小姐|女士|太太|老师|老師|医生|醫生|同学|同學|经理|經理|主任|主管|总监|總監|教授|律师|律師|工程师|工程師|护士|護士|博士|阿姨|叔叔)`,
  'gu',
);
// Also a rank at work (`김민준 대리님`, `박서연 과장`), as Korean offices address people, or a role
// (`김도윤 고객님`, `최서준 환자`); a particle may
// follow the honorific (`이지은 씨가`, `지은 씨는`).
const KOREAN_HONORIFIC =
  /([\p{Script=Hangul}]{2,4})[ ]?(?:(?:님|씨)(?:[이가은는을를의께도와과]|에게|한테|께서)?(?![\p{Script=Hangul}])|(?:대리|과장|차장|부장|사원|주임|팀장|실장|상무|전무|선임|책임|수석|매니저|선생|교수|고객|회원|환자|원장|기사)(?:님)?)/gu;
// Introductions and closings followed by a name in the same script (Japanese's also before `で、`: `私の名前は佐藤美咲で、…`).
const CHINESE_INTRO = new RegExp(`(?:我叫|我是|我的名字是|本人|户名|戶名)[：: ]?([${HAN}]{2,4})`, 'gu');
const JAPANESE_INTRO = new RegExp(
  `(?:私は|わたしは|私の名前は|僕は)([${HAN}\\p{Script=Katakana}ー]{2,5}(?:[ \\u3000][${HAN}\\p{Script=Katakana}ー]{1,4})?)(?:です|と申します|といいます|で(?=[、,]))`,
  'gu',
);
const KOREAN_INTRO = /(?:제 이름은|저는)[ ]*([\p{Script=Hangul}]{2,3})(?:입니다|이에요|예요|이고|이며|라고 합니다)/gu;
// After the label of an account's holder or a parcel's addressee: the name and then a stop.
// A name in Han or Hangul as the value of a key for a person's name (`name=王晓明`, `name="林怡君"`,
// `'name_cn': '王子涵'`, `recipient: "이서연"`, `姓名：陈静`), when a family name starts it; and before
// `收` or `代收` after an address or a courier's words (`… 1207室 陈思远 收`, `由黃怡君代收`).
const NAME_KEY_VALUE = new RegExp(
  `(?<![A-Za-z])(?:(?:full_?|real_?|display_?|legal_?)?name(?:_(?:cn|zh|kr|ko|ja|jp|local|native))?|recipient|receiver|consignee|applicant|holder|contact|姓名|名前|氏名|이름|성명|고객명|성함|예약자|수신자|환자명|收件人|收货人|联系人|聯絡人)["'\\]*[ \\t]*[:=：][ \\t]*["'“「]?([${HAN}]{2,4}|[\\p{Script=Hangul}]{3})(?=["'”」 \\t,;)}\\]\\n&]|$)`,
  'gu',
);
// The same keys, and words for a name in the scripts of India, Thai, Hebrew and Arabic, before a
// name of one to four words in one of those scripts (`recipient="செல்வராஜ் முருகேசன்"`, `ਨਾਮ: ਹਰਪ੍ਰੀਤ ਕੌਰ ਸੰਧੂ`,
// `שם: אביגיל כהן`). The value ends its line, its quotes or its field.
const SCRIPT_LETTERS =
  '\\p{Script=Devanagari}\\p{Script=Bengali}\\p{Script=Gurmukhi}\\p{Script=Gujarati}\\p{Script=Tamil}\\p{Script=Telugu}\\p{Script=Kannada}\\p{Script=Malayalam}\\p{Script=Thai}\\p{Script=Hebrew}\\p{Script=Arabic}\\p{M}';
// eslint-disable-next-line no-misleading-character-class -- whole script blocks, their marks included on purpose
const SCRIPT_LETTER = /[\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f]/;
const NAME_KEY_SCRIPT = new RegExp(
  `(?:(?<![A-Za-z])(?:(?:full|real|display|customer|patient|contact|holder)[ _-]?name|recipient|receiver|consignee|applicant|holder|contact)["'\\]]*|(?<![${SCRIPT_LETTERS}])(?:नाम|নাম|ਨਾਮ|નામ|பெயர்|పేరు|ಹೆಸರು|പേര്|ชื่อ(?:-นามสกุล)?|שם(?: מלא)?|الاسم(?: الكامل)?|اسم))[ \\t]*[:=：][ \\t]*["'“]?([${SCRIPT_LETTERS}]{2,}(?:[ \\t][${SCRIPT_LETTERS}]{2,}){0,3})(?=["'”\\t,;)}\\]\\n&(]|[ \\t]*(?:$|\\(|\\r))`,
  'gu',
);
const HAN_RECEIVES = new RegExp(`(?:[ \\t]|由)([${HAN}]{2,3})[ \\t]?(?:代收|收)(?![${HAN}])`, 'gu');
const KOREAN_HOLDER = /(?:예금주|받는 사람|수취인)[ :]*([\p{Script=Hangul}]{2,4})(?=[ ),.\n]|$)/gu;
const CYRILLIC_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’-]+";
const CYRILLIC_INTRO = new RegExp(
  `(?:[Мм]еня зовут|[Мм]ене звати|[Мм]оё имя|[Мм]ое имя|[Мм]оє ім'я|[Сс] уважением,?|[Зз] повагою,?|[Зз]аявитель:?|[Зз]аявник:?|[Пп]олучатель:?|[Оо]тправитель:?|[Пп]ацієнт:?|[Пп]ациент(?:ка)?:?|ПІБ:?)(?:[ \\t]+|[ \\t]*\\n[ \\t]*)(${CYRILLIC_WORD}(?:[ \\t]+${CYRILLIC_WORD}){0,2})`,
  'gu',
);
// `Это`/`Це` and a name of two words (`Це Олена Коваленко з Харкова`), not one (`Это Москва`).
const CYRILLIC_THIS = new RegExp(`(?:^|[\\s,.!])(?:Это|это|Це|це)[ \\t]+(${CYRILLIC_WORD}[ \\t]+${CYRILLIC_WORD})`, 'gu');
const GREEK_WORD = '\\p{Lu}[\\p{Ll}\\p{M}]+';
const GREEK_CLOSING = new RegExp(
  `(?:Ευχαριστώ|Με εκτίμηση|Φιλικά|Χαιρετισμούς),?[ \\t]*\\n?[ \\t]*(${GREEK_WORD}(?:[ \\t]+${GREEK_WORD}){1,2})`,
  'gu',
);
const HINDI_INTRO = /(?:मेरा नाम|मेरा शुभ नाम)[ \t]+((?:[\p{Script=Devanagari}]+[ \t]+){0,3}?[\p{Script=Devanagari}]+)[ \t]+(?:है|हूँ|हूं)/gu;
const ARABIC_INTRO = /(?:اسمي|أنا اسمي|انا اسمي|میرا نام)[ \t]+((?:[\p{Script=Arabic}]+)(?:[ \t]+[\p{Script=Arabic}]+){0,2})/gu;
const HEBREW_INTRO =
  /(?:(?:שמי|קוראים לי|על שם|לכבוד|שלום|היי|מר|גב'|ד"ר)[ \t]+|(?:בברכה|בתודה|תודה)[ \t]*,?[ \t]*\r?\n[ \t]*)([\p{Script=Hebrew}'׳"]+(?:-[\p{Script=Hebrew}]+)?(?:[ \t]+[\p{Script=Hebrew}'׳"]+(?:-[\p{Script=Hebrew}]+)?)?)/gu;
// Armenian family names end in `-յան` (`-յանց`): with the capitalised word before it, when that is no
// pronoun (`Անի Հովհաննիսյան`; not `Ես Պետրոսյան`, nor an adjective of a place, `Երևանյան`, alone).
// (With its article or a case's ending: `Մկրտչյանը`, `Պետրոսյանին`, `Սարգսյանից`.)
const ARMENIAN_NAME = /(?<![\p{L}\p{M}])(?:([Ա-Ֆ][ա-և]+)[ \t]+)?([Ա-Ֆ][ա-և]{2,}յան(?:ց|ը|ն|ի|ին|ից|ով)?)(?![\p{L}\p{M}])/gu;
const ARMENIAN_NOT_GIVEN = new Set([
  'Ես',
  'Իմ',
  'Մենք',
  'Դուք',
  'Նա',
  'Պարոն',
  'Տիկին',
  'Հարգելի',
  'Բարև',
  'Հարգանքով',
  'Շնորհակալություն',
]);
// Georgian family names end in `-შვილი` or `-ძე` (`ნინო ბერიძე`, `გიორგი მაისურაძე`): with the word before it, when that is no pronoun.
// (In any case: `ბერიძემ`, `მაისურაძეს`, `კაპანაძის`, `ნადირაშვილმა`, `ლომიძით`.)
const GEORGIAN_NAME =
  /(?<![\p{L}\p{M}])(?:([ა-ჰ]{2,12})[ \t]+)?([ა-ჰ]{2,}(?:შვილ(?:ი|მა|ს|ის|ით|ად)|ძე(?:მ|ს|ის|ით|ად)?|ძის|ძით))(?![\p{L}\p{M}])/gu;
const GEORGIAN_NOT_GIVEN = new Set(['მე', 'ჩემი', 'ბატონი', 'ქალბატონი', 'და', 'ვარ', 'არის', 'მქვია', 'სახელია', 'პატივისცემით']);
// Introductions in Ethiopic script (Amharic: `እኔ ሄለን ተስፋዬ ነኝ`, `ስሜ … ነው`) and Bengali (`আমি …`, `আমার নাম …`).
const ETHIOPIC_INTRO = /(?:እኔ|ስሜ)[ \t]+([\p{Script=Ethiopic}]+(?:[ \t]+[\p{Script=Ethiopic}]+)?)[ \t]+(?:ነኝ|ነው|እባላለሁ|ይባላል)/gu;
const BENGALI_INTRO =
  /(?:আমার নাম|আমি)[ \t]+([\p{Script=Bengali}\p{M}]+(?:[ \t]+[\p{Script=Bengali}\p{M}]+)?)(?=[ \t]*(?:।|,|$|\n)|[ \t]+(?:এবং|বলছি))/gu;
// Common Indian family names in Devanagari (the lists hold Nepali ones): a name is one or two words
// before one (`रोहित कुमार वर्मा ने …`); the family name alone before the honorific `जी` (`वर्मा जी`);
// any name after a title (`श्री`, `श्रीमती`, `सुश्री`, `डॉ.`).
const HINDI_FAMILY = new Set(
  (
    'शर्मा वर्मा देवी गुप्ता सिंह कुमार कुमारी पटेल यादव जैन अग्रवाल मिश्रा मिश्र तिवारी त्रिपाठी पांडे पांडेय पाण्डेय श्रीवास्तव चौहान ठाकुर ' +
    'राठौर राठौड़ मेहता जोशी शाह देसाई नायर रेड्डी राव दास बनर्जी चटर्जी मुखर्जी घोष बोस सेन दत्ता चौधरी खान कपूर खन्ना मल्होत्रा ' +
    'सक्सेना दुबे द्विवेदी चतुर्वेदी शुक्ला सिन्हा प्रसाद भट्ट नायक पाटिल कुलकर्णी देशपांडे गोखले जाधव पवार शिंदे चव्हाण गायकवाड़ ' +
    'अय्यर मेनन पिल्लै बंसल गर्ग गोयल मित्तल सिंघल अरोड़ा भाटिया सेठी आहूजा चोपड़ा बजाज रस्तोगी उपाध्याय रावत बिष्ट नेगी'
  ).split(' '),
);
// Words of a Hindi sentence that stand before a name: they are not part of it.
const HINDI_STOP = new Set(
  'ने का की के को से में है हैं था थी और तथा एवं या पर भी तो कि यह वह जी श्री श्रीमती सुश्री डॉ. डॉ मैं मेरा मेरी नाम आज कल श्रीमान'.split(' '),
);
const DEVANAGARI_RUN = /[\p{Script=Devanagari}\p{M}.]+(?:[ \t]+[\p{Script=Devanagari}\p{M}.]+)*/gu;
function hindiNames(text: string, out: Finding[]): void {
  DEVANAGARI_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEVANAGARI_RUN.exec(text)) !== null) {
    const words: { w: string; at: number }[] = [];
    for (let w: RegExpExecArray | null, re = /\S+/g; (w = re.exec(m[0])) !== null;) words.push({ w: w[0], at: m.index + w.index });
    for (let i = 0; i < words.length; i++) {
      const w = words[i].w;
      const titled = i > 0 && /^(?:श्री|श्रीमती|सुश्री|श्रीमान|डॉ\.?)$/u.test(words[i - 1].w) && !HINDI_STOP.has(w);
      if (HINDI_FAMILY.has(w) || titled) {
        // Back over given and middle names (not a sentence's words), at most two.
        let a = i;
        while (a > 0 && i - a < 2 && !HINDI_STOP.has(words[a - 1].w) && !titled) a--;
        // Forward over a family name after a title's first word.
        let b = i;
        if (titled && b + 1 < words.length && HINDI_FAMILY.has(words[b + 1].w)) b++;
        const alone = a === i && b === i;
        // A family name alone counts before `जी` only (`वर्मा जी`).
        if (alone && !titled && words[i + 1]?.w !== 'जी') continue;
        out.push({ kind: 'person-name', start: words[a].at, end: words[b].at + words[b].w.length });
        i = b;
      }
    }
  }
}

// A name after an honorific in the other scripts of India (`શ્રી ભાવેશભાઈ પટેલ`, `திரு. சிவராஜா
// கணேசலிங்கம்`, `শ্রীমতী দেবযানী সেনগুপ্ত`): one or two words of the honorific's script.
const INDIC_HONORIFIC =
  /(?<![\p{L}\p{M}])(?:શ્રીમતી|શ્રીમાન|શ્રી|শ্রীমতী|শ্রীমান|শ্রী|திருமதி|திரு\.?|செல்வி|ஸ்ரீ|శ్రీమతి|శ్రీ|ಶ್ರೀಮತಿ|ಶ್ರೀ|ശ്രീമതി|ശ്രീ|ਸ਼੍ਰੀਮਤੀ|ਸ਼੍ਰੀ|ଶ୍ରୀମତୀ|ଶ୍ରୀ)[ \t]+([\p{L}\p{M}]{2,}(?:[ \t]+[\p{L}\p{M}]{2,})?)/gu;
const INDIC_HONORIFIC_HINT = /શ્રી|শ্রী|திரு|செல்வி|ஸ்ரீ|శ్రీ|ಶ್ರೀ|ശ്രീ|ਸ਼੍ਰੀ|ଶ୍ରୀ/;
const NOT_INDIC_NAME = /[A-Za-z]|\p{Script=Devanagari}/u;
function indicHonorificNames(text: string, out: Finding[]): void {
  INDIC_HONORIFIC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INDIC_HONORIFIC.exec(text)) !== null) {
    const v = m[1];
    if (NOT_INDIC_NAME.test(v)) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
}

// A Greek name after its title (`κυρία Σταυρούλα Μαυρίδη`, `κύριε Παπαδόπουλε`, `κ. Νικολάου`): one or
// two capitalised Greek words.
const GREEK_TITLE =
  /(?<![\p{L}\p{M}])(?:[Κκ]υρία|[Κκ]ύριε|[Κκ]ύριος|[Κκ]ύριο|[Κκ]υρίου|[Κκ]υρίας|κα\.?|κ\.)[ \t]+(\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?)?)/gu;
const GREEK_RUN = /^[\p{Script=Greek}\s-]+$/u;
function greekTitledNames(text: string, out: Finding[]): void {
  GREEK_TITLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GREEK_TITLE.exec(text)) !== null) {
    const v = m[1];
    if (!GREEK_RUN.test(v)) continue;
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'person-name', start, end: start + v.length });
  }
}

// Words that end an Arabic or Urdu name's run: a verb, a preposition.
const ARABIC_STOP = new Set(['و', 'من', 'في', 'هو', 'ہے', 'ہوں', 'اور', 'سے', 'کا', 'کی', 'رقم', 'رقمي']);
// A title or a form of address before a name in Arabic (`عزيزي خالد الحربي`, `الأستاذة نورة القحطاني`,
// `السيد`, `الدكتور`, `المهندس`): one or two words, the second not a word of the sentence after it.
const ARABIC_TITLE =
  /(?<![\p{L}\p{M}])(?:عزيزي|عزيزتي|الأستاذة?|الاستاذة?|السيدة?|الدكتورة?|المهندسة?|الأخ|الأخت)[ \t]+([\p{Script=Arabic}]+(?:[ \t]+[\p{Script=Arabic}]+)?)/gu;
const ARABIC_AFTER_NAME = new Set([
  'خلال',
  'على',
  'إلى',
  'الى',
  'عن',
  'مع',
  'تم',
  'سوف',
  'قد',
  'لقد',
  'هي',
  'بعد',
  'قبل',
  'عند',
  'لدى',
  'الذي',
  'التي',
  'يرجى',
  'شكرا',
  'المحترم',
  'المحترمة',
]);
// Words after `שלום` and the other Hebrew cues that are no one's name (`שלום לכולם`, `שלום רב`).
const HEBREW_NOT_NAMES = new Set(['לכולם', 'רב', 'לכם', 'לך', 'וברכה', 'חברים', 'צוות', 'עולם', 'לכן', 'שוב', 'וכל', 'הצוות']);

// A list of those present in Chinese, Japanese or Korean minutes (`参会：刘洋、陈静`, `参加者：山本 大輔、中村
// さくら`, `참석자: 김민준, 이서연`): each item that is a name of its script (a family name first).
const ATTENDEES =
  /(?:参会人员|参会|与会人员|与会|参加人员|参与人员|出席人员|出席者|出席|参加者|参加メンバー|出席者|참석자|참석)[ \t]*[：:][ \t]*([^\n]{2,300})/gu;
const ATTENDEE_ITEM = /[^、,，;；/]+/gu;
const JAPANESE_FULL = new RegExp(`^[${HAN}]{1,3}[ \u3000][${HAN}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{1,4}$`, 'u');
function attendee(item: string, at: number, out: Finding[]): void {
  const v = item.trim();
  const start = at + item.indexOf(v);
  const chars = [...v];
  if (new RegExp(`^[${HAN}]{2,4}$`, 'u').test(v)) {
    if (CHINESE_FAMILY.has(chars[0]) || CHINESE_FAMILY.has(chars[0] + chars[1])) add(out, start, v);
  } else if (JAPANESE_FULL.test(v)) add(out, start, v);
  else if (/^[\p{Script=Hangul}]{2,4}$/u.test(v) && KOREAN_FAMILY.has(v[0])) add(out, start, v);
}

// A Chinese name after the word for the person's role (`客户周子轩来电`, `联系人 王晓梅`), or a
// Japanese name after the word for who is on duty or in charge (`当番の中村翔太が検知`, `担当：小林`).
const CHINESE_ROLE = new RegExp(
  `(?:客户|客戶|顾客|顧客|用户|用戶|员工|員工|同事|联系人|聯絡人|联络人|收件人|收货人|收貨人|寄件人|患者|病人|申请人|申請人|持卡人|乘客|业主|業主|租客|会员|會員|经办人|經辦人|负责人|負責人|户主|戶主|车主|車主|学员|學員|家长|家長)[：: ]?([${HAN}]{2,4})`,
  'gu',
);
const CHINESE_ROLE_WORDS = [
  '客户',
  '客戶',
  '顾客',
  '顧客',
  '用户',
  '用戶',
  '员工',
  '員工',
  '同事',
  '联系人',
  '聯絡人',
  '联络人',
  '收件人',
  '收货人',
  '收貨人',
  '寄件人',
  '患者',
  '病人',
  '申请人',
  '申請人',
  '持卡人',
  '乘客',
  '业主',
  '業主',
  '租客',
  '会员',
  '會員',
  '经办人',
  '經辦人',
  '负责人',
  '負責人',
  '户主',
  '戶主',
  '车主',
  '車主',
  '学员',
  '學員',
  '家长',
  '家長',
];
// Characters that start the words after a name (`来电`, `称`, `的`, `反映`): a given name stops before them.
const AFTER_NAME = new Set([
  ...'来來称稱说說的在已于於和与與及等是要反表打致电電问問提将將把被对對向给給也都还還又就才曾再刚剛为為因所从從到去了着過过吗嗎呢吧自今昨明本之讲講想请請需希购購买買付退投咨询詢办辦申',
]);
// A chat's speaker line as chat tools copy it: the name alone, then the time (`佐藤健太 10:41`).
const SPEAKER_TIME = new RegExp(
  `^([${HAN}]{2,5}|[\\p{Script=Hangul}]{2,4})[ \\t]+(?:오전|오후|上午|下午|午前|午後)?[ \\t]?\\d{1,2}:\\d{2}(?:[ \\t]?[AaPp][Mm])?[ \\t]*\\r?$`,
  'gmu',
);
// …or after the time, before a colon, as exports write them (`2025-03-02 20:11 李娜: …`,
// `[02/03/2025, 19:41:07] 周志强：…`).
const SPEAKER_COLON = new RegExp(
  `^((?:\\[[^\\]\\n]{4,30}\\][ \\t]*|(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}[ \\tT]+)?\\d{1,2}:\\d{2}(?::\\d{2})?[ \\t]+))([${HAN}]{2,4}|[\\p{Script=Hangul}]{2,4})[ \\t]?[:：]`,
  'gmu',
);
// …or alone before the colon, as a chat is pasted (`최준호: 배치 서버에 이 키로 세팅했어요`): then only
// where another such line stands within three lines, each saying a sentence, not a value.
const SPEAKER_BARE = new RegExp(`^([${HAN}]{2,3}|[\\p{Script=Hangul}]{3})[ \\t]?[:：][ \\t]*([^\\n]*)`, 'gmu');
// How labels of forms end (`연락처`, `진행자`, `고객명`, `配置项`, `负责人`): no one's name.
const LABEL_END = /[자처명일점항록번은는을를에의사人者员項项号號址码碼期间間式案型态態题題求注]$/u;
const SENTENCE = new RegExp(`[\\p{Script=Hangul}${HAN}]{2,}(?:[ \\t,，]|[\\p{Script=Hangul}${HAN}]{2})`, 'u');
/**
 * Speaker lines: a Chinese or Korean name of the lists, or any name that speaks again within three
 * lines (the window a changed line is redacted with holds both).
 */
function findSpeakerLines(text: string, out: Finding[]): void {
  const lines: { name: string; at: number; line: number; bare?: boolean }[] = [];
  let m: RegExpExecArray | null;
  for (const re of [SPEAKER_TIME, SPEAKER_COLON, SPEAKER_BARE]) {
    re.lastIndex = 0;
    let line = 0,
      counted = 0;
    while ((m = re.exec(text)) !== null) {
      for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
      counted = m.index;
      if (re === SPEAKER_BARE) {
        if (!SENTENCE.test(m[2]) || LABEL_END.test(m[1])) continue;
        lines.push({ name: m[1], at: m.index, line, bare: true });
        continue;
      }
      const name = re === SPEAKER_TIME ? m[1] : m[2];
      lines.push({ name, at: re === SPEAKER_TIME ? m.index : m.index + m[1].length, line });
    }
  }
  for (const { name, at, line, bare } of lines) {
    const other = bare === true ? lines.find((o) => o.bare === true && o.at !== at && Math.abs(o.line - line) <= 3) : undefined;
    if (bare === true && other === undefined) continue;
    const listed = /^[\p{Script=Hangul}]{3}$/u.test(name)
      ? KOREAN_FAMILY.has(name[0])
      : name.length <= 4 && (CHINESE_FAMILY.has(name[0]) || CHINESE_FAMILY.has(name.slice(0, 2)));
    const same = listed ? undefined : lines.find((o) => o.at !== at && o.name === name && Math.abs(o.line - line) <= 3);
    if (listed || same !== undefined) {
      const n = out.length;
      add(out, at, name);
      // Known by another speaker's line: what echoes it must hold that line too (partnered).
      const partner = other ?? same;
      if (partner !== undefined && out.length > n) partnered(out[n], partner.at);
    }
  }
}

/**
 * Marks a name found because another line stands near it (a second speaker): a reader that looks for
 * it again stays within three lines of that line too, so that a line with its three lines of
 * context reads what the whole text reads.
 */
export function partnered(f: Finding, at: number): void {
  Object.defineProperty(f, 'partner', { value: at, enumerable: false });
}
const HAN_CHAR = new RegExp(`[${HAN}]`, 'u');
const JAPANESE_DUTY = new RegExp(
  `(?:当番の|担当の|担当者の|担当[：:]|担当者[：:]|所有者[：:]|名義人[：:]|使用者[：:])[ ]?([${HAN}]{2,5})(?=[がはをにとの、。）)\\s]|さん|$)`,
  'gu',
);
const KATAKANA_HOLDER =
  /\d{6,8}[ \t\u3000]+([\p{Script=Katakana}ー]{2,8}[ \u3000][\p{Script=Katakana}ー]{2,8})(?![\p{Script=Katakana}ー])/gu;
const KOREAN_SELF = /(?:^|[,，.!?。][ \t]*)([가-힣]{3})(?:입니다|이에요|예요)/gmu;
// A Japanese family name saying who writes or speaks (`お世話になっております。小林です。`, `鈴木と申します`),
// or from whom (`鈴木より改めてご連絡いたします`): at a sentence's start, a family name the list holds.
const JAPANESE_SELF = new RegExp(
  `(?:^|[、。！？!?\u3000 ])([\\p{Script=Han}々]{2,3})(?:です(?=[。、！!\\n]|$)|と申します|でございます|より)`,
  'gmu',
);
// Japan's most common family names (the 160 most frequent, from published rankings): a name in
// brackets after a number is one of them (`携帯：090-1252-7687（山本）`).
export const JAPANESE_FAMILY = new Set(
  (
    '佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 清水 山崎 池田 橋本 阿部 石川 ' +
    '山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 ' +
    '原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 内田 柴田 酒井 宮崎 横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 ' +
    '高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 市川 ' +
    '菊地 杉本 古川 大西 島田 水野 桜井 高野 渡部 吉川 山内 西田 飯田 菊池 西川 小松 北村 安田 五十嵐 川口 平田 中田 久保田 ' +
    '服部 岩田 土屋 川崎 福島 本田 樋口 秋山 田口 永井 山中 中西 吉村 川上 石原 大橋 松岡 馬場 浜田 森本 星野 矢野 浅野 ' +
    '大久保 松下 吉岡 小池 野田 荒木 大谷 内藤 松浦 熊谷 黒田 尾崎 永田 川村 望月 田辺 松村 荒井'
  ).split(' '),
);
/** Whether a run of Han or Hangul starts with a family name the lists hold (other scripts: true). */
export function familyFirst(v: string): boolean {
  if (/^[\p{Script=Hangul}]+$/u.test(v)) return KOREAN_FAMILY.has(v[0]) && v.length >= 2 && v.length <= 4;
  if (/^[\p{Script=Han}々]+$/u.test(v))
    return CHINESE_FAMILY.has(v[0]) || CHINESE_FAMILY.has(v.slice(0, 2)) || JAPANESE_FAMILY.has(v.slice(0, 2)) || JAPANESE_FAMILY.has(v);
  return true;
}
const JAPANESE_SPACED = new RegExp(
  `(?<![${HAN}\\p{Script=Hiragana}\\p{Script=Katakana}])(?:${[...JAPANESE_FAMILY].join('|')})[ \\u3000][${HAN}]{1,3}(?![${HAN}\\p{Script=Katakana}])`,
  'gu',
);

/** The Chinese name that starts `run`: a family name of the list, then one or two characters. */
function chineseNameAt(run: string, start: number, text: string, out: Finding[]): void {
  const chars = [...run];
  const family = CHINESE_FAMILY.has(chars[0] + (chars[1] ?? '')) ? 2 : CHINESE_FAMILY.has(chars[0]) ? 1 : 0;
  if (family === 0 || chars.length <= family) return;
  let n = Math.min(chars.length, family + 2);
  if (n === family + 2 && AFTER_NAME.has(chars[family + 1])) n = family + 1;
  if (AFTER_NAME.has(chars[family])) return;
  const name = chars.slice(0, n).join('');
  // The name ends where the Han run does or a word after a name starts (`客户管理系统` holds none).
  const next = text[start + name.length] ?? '';
  if (HAN_CHAR.test(next) && !AFTER_NAME.has(next)) return;
  add(out, start, name);
}

// A Chinese name with no cue at a sentence's start, called again by its given name within two lines
// (`王梓萱昨天提交了报销单，梓萱说发票原件下周寄到。`): a listed family name of one character, then two
// characters that recur as a word (at a sentence's start, or before a word that follows names).
const HAN_SENTENCE_START = new RegExp(`(?:^|[。，！？；：、\\s,.!?;:(（「『“"])([${HAN}])([${HAN}]{2})`, 'gmu');
function chineseCalledAgain(text: string, out: Finding[]): void {
  HAN_SENTENCE_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HAN_SENTENCE_START.exec(text)) !== null) {
    const given = m[2];
    if (
      !CHINESE_FAMILY.has(m[1]) ||
      NOT_NAMES.has(m[1] + given[0]) ||
      NOT_NAMES.has(given) ||
      AFTER_NAME.has(given[0]) ||
      AFTER_NAME.has(given[1])
    )
      continue;
    const at = m.index + m[0].length - 3;
    // A word that follows names comes after it too (`王梓萱昨天`; not `高性能计算`).
    const next = text[at + 3] ?? '';
    if (next !== '' && HAN_CHAR.test(next) && !AFTER_NAME.has(next)) continue;
    // Two lines either side.
    let lo = at,
      hi = at;
    for (let n = 0; n < 3 && lo > 0; n++) lo = text.lastIndexOf('\n', lo - 1) < 0 ? 0 : text.lastIndexOf('\n', lo - 1);
    for (let n = 0; n < 3 && hi >= 0 && hi < text.length; n++) hi = text.indexOf('\n', hi + 1);
    if (hi < 0) hi = text.length;
    for (let k = text.indexOf(given, lo); k >= 0 && k < hi; k = text.indexOf(given, k + 1)) {
      if (k === at + 1) continue;
      const before = text[k - 1] ?? '',
        after = text[k + 2] ?? '';
      if ((before === '' || !HAN_CHAR.test(before)) && (after === '' || !HAN_CHAR.test(after) || AFTER_NAME.has(after))) {
        add(out, at, m[1] + given);
        break;
      }
    }
  }
}

const BRACKETED_NAME = new RegExp(`[(（]((?:[\\p{Script=Hangul}]{3}|[${HAN}]{2,4}))[)）]`, 'gu');
const CJK_LETTER = /[\uAC00-\uD7AF\u4E00-\u9FFF]/;

function add(out: Finding[], start: number, name: string): void {
  if (name.length < 2 || NOT_NAMES.has(name)) return;
  out.push({ kind: 'person-name', start, end: start + name.length });
}

/** The Chinese name that ends `run` (at `start`): from its last family name within three characters of the end. */
function chineseName(run: string, start: number, out: Finding[], honorific = ''): void {
  const chars = [...run];
  for (let k = Math.max(0, chars.length - 3); k < chars.length; k++) {
    const two = chars[k] + (chars[k + 1] ?? '');
    if (CHINESE_FAMILY.has(chars[k]) || CHINESE_FAMILY.has(two)) {
      const name = chars.slice(k).join('');
      // (A family name alone is taken with its honorific, as `Mr. Wang` is: `王女士`, `李先生`.)
      add(out, start + chars.slice(0, k).join('').length, name.length === 1 ? name + honorific : name);
      return;
    }
  }
}

/** Names beside honorifics, introductions and closings in scripts the Latin finder does not read (see above). */
export function findScriptNames(text: string, out: Finding[]): void {
  let m: RegExpExecArray | null;
  // Each search runs only where one of its words stands (a search that starts with a class of
  // characters costs the whole text's length).
  const each = (re: RegExp, words: readonly string[], take: (m: RegExpExecArray, at: number) => void): void => {
    if (!words.some((w) => text.includes(w))) return;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) take(m, m.index + m[0].indexOf(m[1]));
  };
  each(JAPANESE_HONORIFIC, ['様', 'さま', 'さん', '殿', 'ちゃん', 'くん', '宛', '氏'], (x, at) => {
    add(out, at, x[1].replace(/[ \u3000]+$/, ''));
    if (x[2] !== undefined) add(out, x.index + x[0].indexOf(x[2], x[1].length), x[2]);
  });
  // A Japanese family name the lists hold, a space, and a given name in kanji (`山本 翔太 の…`):
  // Japanese puts no space between other words.
  if (text.includes(' ') || text.includes('\u3000')) {
    JAPANESE_SPACED.lastIndex = 0;
    while ((m = JAPANESE_SPACED.exec(text)) !== null) add(out, m.index, m[0]);
  }
  // A Japanese account's holder in katakana after its number (`普通 6283577 コバヤシ ユミコ`).
  each(
    KATAKANA_HOLDER,
    [
      'ア',
      'イ',
      'ウ',
      'エ',
      'オ',
      'カ',
      'キ',
      'ク',
      'ケ',
      'コ',
      'サ',
      'シ',
      'ス',
      'セ',
      'ソ',
      'タ',
      'チ',
      'ツ',
      'テ',
      'ト',
      'ナ',
      'ニ',
      'ヌ',
      'ネ',
      'ノ',
      'ハ',
      'ヒ',
      'フ',
      'ヘ',
      'ホ',
      'マ',
      'ミ',
      'ム',
      'メ',
      'モ',
      'ヤ',
      'ユ',
      'ヨ',
      'ラ',
      'リ',
      'ル',
      'レ',
      'ロ',
      'ワ',
    ],
    (x, at) => add(out, at, x[1]),
  );
  // A Korean name saying who speaks (`안녕하세요, 이지은입니다.`): three syllables from a family name, at a sentence's start.
  each(KOREAN_SELF, ['입니다', '이에요', '예요'], (x, at) => {
    if (KOREAN_FAMILY.has(x[1][0])) add(out, at, x[1]);
  });
  each(JAPANESE_SELF, ['です', '申します', 'ございます', 'より'], (x, at) => {
    if (JAPANESE_FAMILY.has(x[1])) add(out, at, x[1]);
  });
  each(
    CHINESE_HONORIFIC,
    [
      '先生',
      '小姐',
      '女士',
      '太太',
      '老师',
      '老師',
      '医生',
      '醫生',
      '同学',
      '同學',
      '经理',
      '經理',
      '主任',
      '主管',
      '总监',
      '總監',
      '教授',
      '律师',
      '律師',
      '工程师',
      '工程師',
      '护士',
      '護士',
      '博士',
      '阿姨',
      '叔叔',
    ],
    (x, at) => chineseName(x[1], at, out, x[0].slice(x[0].indexOf(x[1]) + x[1].length)),
  );
  each(
    KOREAN_HONORIFIC,
    [
      '님',
      '씨',
      '대리',
      '과장',
      '차장',
      '부장',
      '사원',
      '주임',
      '팀장',
      '실장',
      '상무',
      '전무',
      '선임',
      '책임',
      '수석',
      '매니저',
      '선생',
      '교수',
      '고객',
      '회원',
      '환자',
      '원장',
      '기사',
    ],
    (x, at) => {
      if (KOREAN_FAMILY.has(x[1][0]) && x[1].length >= 3) add(out, at, x[1]);
    },
  );
  each(CHINESE_INTRO, ['我叫', '我是', '我的名字', '本人', '户名', '戶名'], (x, at) => {
    const chars = [...x[1]];
    const family = CHINESE_FAMILY.has(chars[0]) ? 1 : CHINESE_FAMILY.has(chars[0] + chars[1]) ? 2 : 0;
    if (family > 0) add(out, at, chars.slice(0, Math.min(chars.length, family + 2)).join(''));
  });
  each(JAPANESE_INTRO, ['私は', 'わたしは', '私の名前は', '僕は'], (x, at) => add(out, at, x[1]));
  const korean = (x: RegExpExecArray, at: number): void => {
    if (KOREAN_FAMILY.has(x[1][0])) add(out, at, x[1]);
  };
  each(KOREAN_INTRO, ['저는', '제 이름은'], korean);
  each(KOREAN_HOLDER, ['예금주', '받는 사람', '수취인'], korean);
  const familyFirst = (x: RegExpExecArray, at: number): void => {
    const v = x[1];
    // (Four Han characters only after a family name of two: `王者荣耀` is a game.)
    if (v.length === 4 && !CHINESE_FAMILY.has(v.slice(0, 2)) && !JAPANESE_FAMILY.has(v.slice(0, 2))) return;
    if (
      /^[\p{Script=Hangul}]+$/u.test(v)
        ? KOREAN_FAMILY.has(v[0])
        : CHINESE_FAMILY.has(v[0]) || CHINESE_FAMILY.has(v.slice(0, 2)) || JAPANESE_FAMILY.has(v.slice(0, 2))
    )
      add(out, at, v);
  };
  each(
    NAME_KEY_VALUE,
    [
      'ame',
      'ecipient',
      'eceiver',
      'onsignee',
      'pplicant',
      'older',
      'ontact',
      '姓名',
      '名前',
      '氏名',
      '이름',
      '성명',
      '고객명',
      '성함',
      '예약자',
      '수신자',
      '환자명',
      '收件人',
      '收货人',
      '联系人',
      '聯絡人',
    ],
    familyFirst,
  );
  each(HAN_RECEIVES, ['收'], familyFirst);
  if (SCRIPT_LETTER.test(text))
    each(
      NAME_KEY_SCRIPT,
      [
        'ame',
        'ecipient',
        'eceiver',
        'onsignee',
        'pplicant',
        'older',
        'ontact',
        'नाम',
        'নাম',
        'ਨਾਮ',
        'નામ',
        'பெயர்',
        'పేరు',
        'ಹೆಸರು',
        'പേര്',
        'ชื่อ',
        'שם',
        'اسم',
      ],
      (x, at) => add(out, at, x[1]),
    );
  each(
    CYRILLIC_INTRO,
    ['зовут', 'звати', 'имя', "ім'я", 'уважением', 'повагою', 'аявител', 'аявник', 'олучател', 'тправител', 'ациент', 'ацієнт', 'ПІБ'],
    (x, at) => add(out, at, x[1]),
  );
  each(CYRILLIC_THIS, ['Это', 'это', 'Це', 'це'], (x, at) => add(out, at, x[1]));
  each(GREEK_CLOSING, ['Ευχαριστώ', 'Με εκτίμηση', 'Φιλικά', 'Χαιρετισμούς'], (x, at) => add(out, at, x[1]));
  each(HINDI_INTRO, ['मेरा'], (x, at) => add(out, at, x[1]));
  each(ARABIC_INTRO, ['اسمي', 'میرا نام'], (x, at) => {
    const words = x[1].split(/[ \t]+/);
    let n = words.findIndex((w) => ARABIC_STOP.has(w));
    if (n < 0) n = words.length;
    if (n > 0) add(out, at, words.slice(0, n).join(' '));
  });
  each(ATTENDEES, ['参会', '与会', '参加', '参与', '出席', '참석'], (x, at) => {
    ATTENDEE_ITEM.lastIndex = 0;
    for (let i: RegExpExecArray | null; (i = ATTENDEE_ITEM.exec(x[1])) !== null;) attendee(i[0], at + i.index, out);
  });
  // A name in brackets right after a number (`연락처 010-2921-1914 (박서연)`, `电话 13123906510（王伟）`).
  if (CJK_LETTER.test(text)) {
    BRACKETED_NAME.lastIndex = 0;
    while ((m = BRACKETED_NAME.exec(text)) !== null) {
      if (!/\d[\d -]{5,20}\d[ \t]*$/.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      const v = m[1];
      const family = /^[\p{Script=Hangul}]+$/u.test(v)
        ? KOREAN_FAMILY.has(v[0])
        : CHINESE_FAMILY.has(v[0]) || CHINESE_FAMILY.has(v.slice(0, 2)) || JAPANESE_FAMILY.has(v) || JAPANESE_FAMILY.has(v.slice(0, 2));
      if (family) add(out, m.index + 1, v);
    }
  }
  each(HEBREW_INTRO, ['שמי', 'קוראים לי', 'על שם', 'לכבוד', 'שלום', 'היי', 'מר ', "גב'", 'ד"ר', 'בברכה', 'תודה'], (x, at) => {
    const words = x[1].split(/[ \t]+/);
    if (HEBREW_NOT_NAMES.has(words[0])) return;
    add(out, at, HEBREW_NOT_NAMES.has(words[1] ?? '') ? words[0] : x[1]);
  });
  each(ARABIC_TITLE, ['عزيز', 'الأستاذ', 'الاستاذ', 'السيد', 'الدكتور', 'المهندس', 'الأخ'], (x, at) => {
    const words = x[1].split(/[ \t]+/);
    if (ARABIC_STOP.has(words[0]) || ARABIC_AFTER_NAME.has(words[0])) return;
    add(out, at, words.length > 1 && !ARABIC_STOP.has(words[1]) && !ARABIC_AFTER_NAME.has(words[1]) ? x[1] : words[0]);
  });
  each(ARMENIAN_NAME, ['յան'], (x) => {
    if (x[1] === undefined || ARMENIAN_NOT_GIVEN.has(x[1])) return;
    out.push({ kind: 'person-name', start: x.index, end: x.index + x[0].length });
  });
  each(GEORGIAN_NAME, ['შვილი', 'ძე'], (x) => {
    if (x[1] === undefined || GEORGIAN_NOT_GIVEN.has(x[1])) return;
    out.push({ kind: 'person-name', start: x.index, end: x.index + x[0].length });
  });
  each(ETHIOPIC_INTRO, ['እኔ', 'ስሜ'], (x, at) => add(out, at, x[1]));
  each(BENGALI_INTRO, ['আমি', 'আমার নাম'], (x, at) => add(out, at, x[1]));
  if (/[\u0900-\u097F]/.test(text) && ([...HINDI_FAMILY].some((w) => text.includes(w)) || /श्री|डॉ/.test(text))) hindiNames(text, out);
  if (INDIC_HONORIFIC_HINT.test(text)) indicHonorificNames(text, out);
  if (/[Κκ]υρ|[Κκ]ύρ|κα?\.[ \t]\p{Lu}/u.test(text)) greekTitledNames(text, out);
  each(CHINESE_ROLE, CHINESE_ROLE_WORDS, (x, at) => chineseNameAt(x[1], at, text, out));
  each(JAPANESE_DUTY, ['当番の', '担当', '所有者', '名義人', '使用者'], (x, at) => add(out, at, x[1]));
  if (/[\u4E00-\u9FFF]/.test(text)) chineseCalledAgain(text, out);
  if (CJK_LETTER.test(text) && (/\d:\d\d/.test(text) || /^[^\n:：]{2,3}[:：]/m.test(text))) findSpeakerLines(text, out);
}
