// Decides, request by request, whether a fault applies. Rules are tried in the order they were
// added; the first that matches the operation and wins its probability draw is used, and its
// count goes down by one. A fault named in the request header wins over configured rules.
import { creationOperationOf, isCreationFault, validateFaultRule } from "./faultRules.js";
import type {
  ActiveFaultRule,
  CreationFaultKind,
  EmulatorOperation,
  FaultRule,
  ResponseFault,
} from "./faultTypes.js";
import type { RandomSource } from "./randomSource.js";

/** The public handle on an emulator's fault rules. */
export interface FaultController {
  /** Adds a rule and returns it with its id. */
  add(rule: FaultRule): ActiveFaultRule;
  /** The rules that still apply. */
  list(): ActiveFaultRule[];
  /** Removes every rule. */
  clear(): void;
}

interface RuleSlot {
  id: number;
  rule: FaultRule;
  remaining: number;
}

const DEFAULT_RETRY_AFTER_IN_SECONDS = 1;
const DEFAULT_DELAY_IN_MS = 1000;

export function toResponseFault(rule: FaultRule): ResponseFault | undefined {
  switch (rule.kind) {
    case "throttle":
      return {
        kind: "throttle",
        retryAfterInSeconds: rule.retryAfterInSeconds ?? DEFAULT_RETRY_AFTER_IN_SECONDS,
      };
    case "internal-error":
      return { kind: "internal-error" };
    case "unavailable":
      return { kind: "unavailable", retryAfterInSeconds: rule.retryAfterInSeconds };
    case "delay":
      return { kind: "delay", delayInMs: rule.delayInMs ?? DEFAULT_DELAY_IN_MS };
    case "reset":
      return { kind: "reset" };
    case "session-start-failure":
    case "conversion-failure":
      return undefined;
  }
}

export class FaultInjector implements FaultController {
  private readonly slots: RuleSlot[] = [];
  private nextId = 1;

  constructor(
    private readonly random: RandomSource,
    rules: readonly FaultRule[] = [],
  ) {
    rules.forEach((rule, index) => this.addChecked(validateFaultRule(rule, `faults[${index}]`)));
  }

  add(rule: FaultRule): ActiveFaultRule {
    return this.addChecked(validateFaultRule(rule, "rule"));
  }

  list(): ActiveFaultRule[] {
    return this.slots.map((slot) => this.describe(slot));
  }

  clear(): void {
    this.slots.length = 0;
  }

  /** A configured response fault for this request, if one applies (spends one of its count). */
  takeResponseFault(operation: EmulatorOperation): ResponseFault | undefined {
    const slot = this.take(operation, (rule) => !isCreationFault(rule.kind));
    return slot === undefined ? undefined : toResponseFault(slot.rule);
  }

  /** True when a configured creation fault of `kind` applies to the resource being created now. */
  takeCreationFault(kind: CreationFaultKind): boolean {
    return this.take(creationOperationOf(kind), (rule) => rule.kind === kind) !== undefined;
  }

  private addChecked(rule: FaultRule): ActiveFaultRule {
    const slot: RuleSlot = { id: this.nextId, rule, remaining: rule.count ?? Number.POSITIVE_INFINITY };
    this.nextId += 1;
    this.slots.push(slot);
    return this.describe(slot);
  }

  private describe(slot: RuleSlot): ActiveFaultRule {
    const described: ActiveFaultRule = { id: slot.id, ...slot.rule };
    if (Number.isFinite(slot.remaining)) described.remaining = slot.remaining;
    return described;
  }

  private take(operation: EmulatorOperation, accepts: (rule: FaultRule) => boolean): RuleSlot | undefined {
    for (const slot of this.slots) {
      const { rule } = slot;
      if (!accepts(rule)) continue;
      if (rule.operations !== undefined && !rule.operations.includes(operation)) continue;
      if (rule.probability !== undefined && this.random.next() >= rule.probability) continue;
      slot.remaining -= 1;
      if (slot.remaining <= 0) this.slots.splice(this.slots.indexOf(slot), 1);
      return slot;
    }
    return undefined;
  }
}
