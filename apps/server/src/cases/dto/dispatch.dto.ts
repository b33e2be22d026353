import type { DispatchMethod } from '@one-window/case';
import { EnumField, TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';

export const DISPATCH_METHODS: readonly DispatchMethod[] = ['window', 'courier', 'electronic'];

export class DispatchDto {
  @EnumField(DISPATCH_METHODS)
  method!: DispatchMethod;

  @TextField(LIMITS.code, { optional: true, description: 'courier tracking number' })
  trackingNumber?: string;
}
