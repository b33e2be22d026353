/** For commands without fields: any field sent is an unknown field (400), not silently ignored. */
export class EmptyBodyDto {}
