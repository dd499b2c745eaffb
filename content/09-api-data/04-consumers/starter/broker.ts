// An at-least-once message broker (a queue such as SQS, RabbitMQ or a
// Kafka consumer group). You do not need to change this file.
import { go, makeChan, select } from "go";
import type { Context } from "go/context";
import * as time from "go/time";

/** A message: a unique id and a payload. */
export interface Message {
  id: string;
  /** Cents to credit to the account. */
  amount: number;
}

/** A message that went to the dead-letter queue, with the error of its last attempt. */
export interface DeadLetter {
  message: Message;
  attempts: number;
  error: string;
}

/**
 * Delivery is one copy of a message handed to a consumer. Settle every
 * delivery exactly once: ack (done, never deliver this copy again) or nack
 * (deliver this copy again after delay, with attempt + 1).
 */
export class Delivery {
  private settled = false;

  constructor(
    private readonly broker: Broker,
    /** The message. */
    readonly message: Message,
    /** 1 for the first delivery of this copy, 2 for its first redelivery, ... */
    readonly attempt: number,
  ) {}

  /** ack settles the delivery: the copy is done. */
  ack(): void {
    this.settle(`ack ${this.message.id}#${this.attempt}`);
  }

  /** nack settles the delivery and has the broker deliver the copy again after delay. */
  nack(delay: time.Duration): void {
    this.settle(`nack ${this.message.id}#${this.attempt} ${time.durationString(delay)}`);
    time.afterFunc(delay, () => go(() => this.broker.enqueue(this.message, this.attempt + 1), "redeliver"));
  }

  private settle(event: string): void {
    if (this.settled) {
      this.broker.record(`settled twice: ${event}`);
      return;
    }
    this.settled = true;
    this.broker.unsettled--;
    this.broker.record(event);
  }
}

/** Broker hands out deliveries in order; a nacked copy comes back later. */
export class Broker {
  private readonly queue = makeChan<Delivery>(1000);
  /** What happened, with the virtual time: "0s deliver m1#1", "50ms nack m1#1 100ms", "350ms ack m1#2". */
  readonly events: string[] = [];
  /** The dead-letter queue. */
  readonly dlq: DeadLetter[] = [];
  /** Deliveries handed out and not yet acked or nacked. */
  unsettled = 0;

  /** publish queues a message for delivery. */
  async publish(m: Message): Promise<void> {
    await this.enqueue(m, 1);
  }

  /**
   * duplicate queues one more copy of m, as at-least-once brokers do (an ack
   * that was lost, a producer that retried its publish).
   */
  async duplicate(m: Message): Promise<void> {
    await this.enqueue(m, 1);
  }

  /** receive returns the next delivery, or [null, ctx.err()] once ctx is done. */
  async receive(ctx: Context): Promise<[Delivery | null, Error | null]> {
    return select(
      this.queue.recvCase((d): [Delivery | null, Error | null] => {
        if (!d) return [null, null];
        this.unsettled++;
        this.record(`deliver ${d.message.id}#${d.attempt}`);
        return [d, null];
      }),
      ctx.done().recvCase((): [Delivery | null, Error | null] => [null, ctx.err()]),
    );
  }

  /** deadLetter moves a message to the dead-letter queue; still ack its delivery. */
  deadLetter(d: Delivery, err: Error): void {
    this.dlq.push({ message: { ...d.message }, attempts: d.attempt, error: err.message });
    this.record(`dead-letter ${d.message.id}#${d.attempt}`);
  }

  /** enqueue is for Delivery and publish. */
  async enqueue(m: Message, attempt: number): Promise<void> {
    await this.queue.send(new Delivery(this, { ...m }, attempt)); // the buffer has room
  }

  /** record is for Delivery. */
  record(event: string): void {
    this.events.push(`${time.durationString(time.since(time.unix(946684800, 0)))} ${event}`);
  }
}
