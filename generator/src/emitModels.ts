// models.ts (what the client sends) and outputModels.ts (what the service returns).
import type { InterfaceModel, NamedTypeModel, PropertyModel } from "./clientModel";
import { docComment } from "./docComment";
import { propertyKey } from "./names";

function renderProperty(property: PropertyModel, markReadOnly: boolean): string {
  const modifier = markReadOnly && property.readOnly ? "readonly " : "";
  const optional = property.optional ? "?" : "";
  return `${docComment(property.description)}${modifier}${propertyKey(property.key)}${optional}: ${property.type.text};\n`;
}

function renderInterface(model: InterfaceModel, markReadOnly: boolean): string {
  const heritage =
    model.extends.length > 0 ? ` extends ${model.extends.map((parent) => parent.text).join(", ")}` : "";
  const body = model.properties.map((property) => renderProperty(property, markReadOnly)).join("");
  return `${docComment(model.description)}export interface ${model.name}${heritage} {\n${body}}\n`;
}

/** The declarations of one models module; `markReadOnly` adds `readonly` to read-only properties (outputs). */
export function emitModels(models: readonly NamedTypeModel[], markReadOnly: boolean): string {
  return models
    .map((model) =>
      model.kind === "interface"
        ? renderInterface(model, markReadOnly)
        : `${docComment(model.description)}export type ${model.name} = ${model.type.text};\n`,
    )
    .join("\n");
}
