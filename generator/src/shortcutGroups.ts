// `rlc-shortcut`: operations by operation group, as properties of the client (`client.pathItems`) or,
// for operations outside any group, as methods of the client itself (`client.getFeline`).
import type { OperationModel } from "./clientModel";

export interface ShortcutGroup {
  /** The client property (`pathItems`), or "" for the operations without a group. */
  readonly property: string;
  readonly groupName: string;
  /** `<Group>Operations`, or `ClientOperations` for the operations without a group. */
  readonly interfaceName: string;
  readonly operations: readonly OperationModel[];
}

export function shortcutGroups(operations: readonly OperationModel[]): ShortcutGroup[] {
  const groups = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const list = groups.get(operation.groupProperty) ?? [];
    list.push(operation);
    groups.set(operation.groupProperty, list);
  }
  return [...groups.entries()].map(([property, list]) => {
    const groupName = list[0]?.groupName ?? "";
    return {
      property,
      groupName,
      interfaceName: `${groupName === "" ? "Client" : groupName}Operations`,
      operations: list,
    };
  });
}
