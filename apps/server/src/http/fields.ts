// The field decorators live in @one-window/shared, pure, so that the command schemas of the case
// engine and the server's query DTOs are checked and documented alike (ADR 0010).
export {
  BooleanField,
  CodeField,
  DateField,
  EnumField,
  IntField,
  ListField,
  NestedField,
  TextField,
  TextListField,
} from '@one-window/shared';
