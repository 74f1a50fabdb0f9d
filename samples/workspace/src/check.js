// Prints a total; exits non-zero when the sample is wrong.
const items = [
  { price: 2, qty: 3 },
  { price: 5, qty: 1 },
];
const total = items.reduce((s, i) => s + i.price * i.qty, 0);
console.log('total', total);
process.exit(total === 11 ? 0 : 1);
