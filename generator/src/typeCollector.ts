// Turns code-model schemas into TypeScript type expressions for one direction (input or output),
// and collects the named types (objects, enums) those expressions refer to, so that models.ts and
// outputModels.ts declare exactly the types that parameters and responses use.
import { SchemaType } from "@autorest/codemodel";
import type {
  ArraySchema,
  ChoiceSchema,
  ConstantSchema,
  DictionarySchema,
  ObjectSchema,
  OrSchema,
  Property,
  Schema,
  SealedChoiceSchema,
  XorSchema,
} from "@autorest/codemodel";
import type { NamedTypeModel, PropertyModel, TypeRef } from "./clientModel";
import { modelTypeName, outputTypeName } from "./names";

export type Usage = "input" | "output";

type NamedSchema = ObjectSchema | ChoiceSchema | SealedChoiceSchema;

/** Makes an extensible string enum accept any other string while keeping its known values visible. */
const openStringSuffix = "(string & Record<never, never>)";
const openNumberSuffix = "(number & Record<never, never>)";

export function literal(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return JSON.stringify(value);
  }
  throw new TypeError(
    `A constant or enum value must be a string, number or boolean; got ${JSON.stringify(value)}`,
  );
}

export function schemaName(schema: Schema): string {
  return schema.language.default.name;
}

export function schemaDescription(schema: Schema): string {
  return schema.language.default.description ?? "";
}

/** A base with a discriminator and known subtypes. */
export function isPolymorphic(schema: ObjectSchema): boolean {
  return Object.keys(schema.discriminator?.all ?? {}).length > 0;
}

/** The discriminator values a polymorphic base's property may take: its own, then its descendants'. */
function discriminatorValues(schema: ObjectSchema): string {
  const values = [
    ...(schema.discriminatorValue === undefined ? [] : [schema.discriminatorValue]),
    ...Object.values(schema.discriminator?.all ?? {})
      .map((child) => (child as ObjectSchema).discriminatorValue)
      .filter((value): value is string => value !== undefined),
  ];
  return [...new Set(values)].map((value) => literal(value)).join(" | ");
}

export class TypeCollector {
  private readonly names = new Map<NamedSchema, string>();
  private readonly owners = new Map<string, NamedSchema>();

  constructor(
    readonly usage: Usage,
    /** Schemas in code-model order; declarations are emitted in this order. */
    private readonly schemaOrder: readonly Schema[],
  ) {}

  /** The type expression for `schema`, registering any named type it needs. */
  typeOf(schema: Schema, nullable = false): TypeRef {
    const refs: string[] = [];
    const text = this.render(schema, refs);
    return { text: nullable ? `${text} | null` : text, refs: [...new Set(refs)] };
  }

  /** Declarations of every named type registered so far, and of those they pull in, in code-model order. */
  declarations(): NamedTypeModel[] {
    const done = new Map<NamedSchema, NamedTypeModel[]>();
    for (let pending = this.pending(done); pending.length > 0; pending = this.pending(done)) {
      for (const schema of pending) {
        done.set(schema, this.declare(schema));
      }
    }
    const position = (schema: Schema): number => {
      const index = this.schemaOrder.indexOf(schema);
      return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    };
    return [...done.entries()]
      .sort(
        ([a], [b]) =>
          position(a) - position(b) || (this.names.get(a) ?? "").localeCompare(this.names.get(b) ?? ""),
      )
      .flatMap(([, models]) => models);
  }

  private pending(done: ReadonlyMap<NamedSchema, NamedTypeModel[]>): NamedSchema[] {
    return [...this.names.keys()].filter((schema) => !done.has(schema));
  }

  private nameOf(schema: NamedSchema): string {
    const known = this.names.get(schema);
    if (known !== undefined) {
      return known;
    }
    const name =
      this.usage === "input" ? modelTypeName(schemaName(schema)) : outputTypeName(schemaName(schema));
    const owner = this.owners.get(name);
    if (owner !== undefined && owner !== schema) {
      throw new Error(
        `Two different schemas would both be emitted as ${name}; rename one (x-ms-client-name or a directive).`,
      );
    }
    this.owners.set(name, schema);
    this.names.set(schema, name);
    return name;
  }

  private render(schema: Schema, refs: string[]): string {
    switch (schema.type) {
      case SchemaType.Object:
      case SchemaType.Choice:
      case SchemaType.SealedChoice: {
        const name = this.nameOf(schema as NamedSchema);
        refs.push(name);
        return name;
      }
      case SchemaType.Constant:
        return literal((schema as ConstantSchema).value.value);
      case SchemaType.Array: {
        const array = schema as ArraySchema;
        const element = this.render(array.elementType, refs);
        return `Array<${array.nullableItems === true ? `${element} | null` : element}>`;
      }
      case SchemaType.Dictionary: {
        const dictionary = schema as DictionarySchema;
        const element = this.render(dictionary.elementType, refs);
        return `Record<string, ${dictionary.nullableItems === true ? `${element} | null` : element}>`;
      }
      case SchemaType.Or:
      case SchemaType.Xor: {
        const options: readonly Schema[] =
          schema.type === SchemaType.Or ? (schema as OrSchema).anyOf : (schema as XorSchema).oneOf;
        const members = options.map((member) => this.render(member, refs));
        return [...new Set(members)].join(" | ");
      }
      case SchemaType.Date:
      case SchemaType.DateTime:
        // Dates travel as ISO 8601 text; a Date is accepted on input because it serializes to that text.
        return this.usage === "input" ? "Date | string" : "string";
      case SchemaType.String:
      case SchemaType.Char:
      case SchemaType.Uri:
      case SchemaType.Uuid:
      case SchemaType.Duration:
      case SchemaType.Time:
      case SchemaType.ArmId:
      case SchemaType.Credential:
      case SchemaType.ByteArray:
      case SchemaType.ODataQuery:
        return "string";
      case SchemaType.Integer:
      case SchemaType.Number:
      case SchemaType.UnixTime:
      case SchemaType.Flag:
        return "number";
      case SchemaType.Boolean:
        return "boolean";
      case SchemaType.Binary:
        // What core-client sends as bytes: text, bytes, or a web or Node.js stream. A buffered
        // binary response is the body decoded as text (core-client's behaviour); the bytes come
        // from .asNodeStream() or .asBrowserStream() instead.
        return this.usage === "input"
          ? "string | Uint8Array | ReadableStream<Uint8Array> | NodeJS.ReadableStream"
          : "string";
      case SchemaType.AnyObject:
        return "Record<string, unknown>";
      default:
        return "unknown";
    }
  }

  private declare(schema: NamedSchema): NamedTypeModel[] {
    const name = this.nameOf(schema);
    const description = schemaDescription(schema);
    if (schema.type === SchemaType.Object) {
      const object = schema as ObjectSchema;
      if (isPolymorphic(object)) {
        return this.declarePolymorphic(object, name, description);
      }
      return [this.declareObject(object, name, description)];
    }
    const choice = schema as ChoiceSchema | SealedChoiceSchema;
    const values = choice.choices.map((entry) => literal(entry.value));
    if (schema.type === SchemaType.Choice) {
      values.push(choice.choiceType.type === SchemaType.String ? openStringSuffix : openNumberSuffix);
    }
    return [{ kind: "alias", name, description, type: { text: [...new Set(values)].join(" | "), refs: [] } }];
  }

  /**
   * A polymorphic base, as @autorest/typescript emits it: `<Name>Parent` holds its properties (the
   * discriminator typed with every known value), and `<Name>` is the union of the kinds the service
   * may send (the base itself only when it has a discriminator value of its own).
   */
  private declarePolymorphic(schema: ObjectSchema, name: string, description: string): NamedTypeModel[] {
    const descendants = Object.values(schema.discriminator?.all ?? {}).filter(
      (child): child is ObjectSchema => child.type === SchemaType.Object,
    );
    const parent = this.declareObject(schema, `${name}Parent`, description, discriminatorValues(schema));
    const members = [
      ...(schema.discriminatorValue === undefined ? [] : [{ text: `${name}Parent`, refs: [] }]),
      ...descendants.map((child) => this.typeOf(child)),
    ];
    const union: NamedTypeModel = {
      kind: "alias",
      name,
      description,
      type: { text: members.map((member) => member.text).join(" | "), refs: members.flatMap((m) => m.refs) },
    };
    return [parent, union];
  }

  private declareObject(
    schema: ObjectSchema,
    name: string,
    description: string,
    discriminatorUnion?: string,
  ): NamedTypeModel {
    const parents: TypeRef[] = (schema.parents?.immediate ?? []).map((parent) => {
      if (parent.type === SchemaType.Dictionary) {
        return { text: "Record<string, unknown>", refs: [] };
      }
      const type = this.typeOf(parent);
      // A subtype extends the properties of a polymorphic base, not the union of its kinds.
      return isPolymorphic(parent as ObjectSchema) ? { text: `${type.text}Parent`, refs: type.refs } : type;
    });
    const properties = [
      ...this.discriminatorValueProperty(schema, discriminatorUnion),
      ...(schema.properties ?? [])
        .filter((property) => this.usage === "output" || property.readOnly !== true)
        .map((property) => this.declareProperty(schema, property, discriminatorUnion)),
    ];
    if (properties.length === 0) {
      // An interface without members is `{}`; say what is meant instead.
      const text =
        parents.length > 0 ? parents.map((parent) => parent.text).join(" & ") : "Record<string, unknown>";
      return {
        kind: "alias",
        name,
        description,
        type: { text, refs: parents.flatMap((parent) => parent.refs) },
      };
    }
    return { kind: "interface", name, description, extends: parents, properties };
  }

  /** A subtype of a polymorphic base narrows the base's discriminator property to its own value. */
  private discriminatorValueProperty(schema: ObjectSchema, union: string | undefined): PropertyModel[] {
    if (schema.discriminatorValue === undefined) {
      return [];
    }
    if ((schema.properties ?? []).some((property) => property.isDiscriminator === true)) {
      return [];
    }
    const base = (schema.parents?.all ?? []).find(
      (parent): parent is ObjectSchema => (parent as ObjectSchema).discriminator !== undefined,
    );
    if (base?.discriminator === undefined || base.discriminator.property.schema === undefined) {
      return [];
    }
    const property = base.discriminator.property;
    return [
      {
        key: property.serializedName,
        description: property.language.default.description ?? "",
        type: { text: union ?? literal(schema.discriminatorValue), refs: [] },
        optional: false,
        readOnly: false,
      },
    ];
  }

  private declareProperty(owner: ObjectSchema, property: Property, union: string | undefined): PropertyModel {
    const nullable = property.nullable === true;
    const type =
      property.isDiscriminator === true && union !== undefined
        ? { text: union, refs: [] }
        : property.isDiscriminator === true && owner.discriminatorValue !== undefined
          ? { text: literal(owner.discriminatorValue), refs: [] }
          : this.typeOf(property.schema, nullable);
    return {
      key: property.serializedName,
      description: property.language.default.description ?? "",
      type,
      optional: property.required !== true,
      readOnly: property.readOnly === true,
    };
  }
}
