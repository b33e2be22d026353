import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { describedClasses, type FieldSchema, fieldSchemas } from '@one-window/shared';

const documented = new WeakSet<object>();

function swaggerOf(field: FieldSchema): Record<string, unknown> {
  const { kind, required: _required, type, ...rest } = field;
  switch (kind) {
    case 'text':
    case 'code':
      return { type: String, ...rest };
    case 'date':
      return { type: String, format: 'date', ...rest };
    case 'int':
      return { type: 'integer', ...rest };
    case 'boolean':
      return { type: Boolean, ...rest };
    case 'enum':
      return { ...rest, enum: [...(rest.enum ?? [])] };
    case 'object':
      return { type: type!(), ...rest };
    case 'list':
      return { type: [type!()], ...rest };
    case 'text-list':
      return { type: [String], ...rest };
  }
}

/**
 * Turns the field schemas the `@one-window/shared` decorators recorded (command bodies and
 * queries alike) into @nestjs/swagger properties, once, before the document is made.
 */
export function documentFields(): void {
  for (const cls of describedClasses()) {
    const proto = cls.prototype as object;
    if (documented.has(proto)) continue;
    documented.add(proto);
    const own = fieldSchemas(cls);
    const parent = Object.getPrototypeOf(cls) as typeof cls;
    const inherited = typeof parent === 'function' && parent.prototype ? fieldSchemas(parent) : new Map();
    for (const [key, field] of own) {
      if (inherited.get(key) === field) continue;
      const options = swaggerOf(field);
      (field.required ? ApiProperty(options) : ApiPropertyOptional(options))(proto, key);
    }
  }
}
