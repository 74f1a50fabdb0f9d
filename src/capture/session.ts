// A session stamps event bodies with identity, order and the consent they were taken under.
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION, type ConsentStamp, type EventBody, type TrajectoryEvent } from '@codetrail/protocol';

export type EventSink = (event: TrajectoryEvent) => void;

export class Session {
  readonly id: string;
  private seq = 0;

  constructor(
    private readonly sink: EventSink,
    private readonly consent: () => ConsentStamp,
    id: string = uuidv7(),
  ) {
    this.id = id;
  }

  get nextSeq(): number {
    return this.seq;
  }

  emit(body: EventBody): TrajectoryEvent {
    const event = {
      ...body,
      schema: SCHEMA_VERSION,
      id: uuidv7(),
      sessionId: this.id,
      seq: this.seq++,
      consent: this.consent(),
    } as TrajectoryEvent;
    this.sink(event);
    return event;
  }
}
