import type { Provider, Type } from '@nestjs/common';
import { ProgressController } from './progress.controller.js';
import { PublicLimits } from './public-limits.js';
import { RatingController } from './rating.controller.js';
import { RatingLinks } from './rating-links.js';

/**
 * The applicant's side (issue 13, ADR 17): routes under /api/public that need no sign-in, and the
 * staff routes that hand the applicant a link. Registered in AppModule beside the case routes, whose
 * command gateway they send through.
 */
export const PUBLIC_CONTROLLERS: Type[] = [ProgressController, RatingController];
export const PUBLIC_PROVIDERS: Provider[] = [PublicLimits, RatingLinks];
