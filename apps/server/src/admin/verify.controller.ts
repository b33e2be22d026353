import { Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { StaffApi } from '../http/staff-api.decorator.js';
import { VerifyTracker } from './verify-tracker.js';

@StaffApi('admin', 'api/admin/verify')
@Roles('admin')
export class VerifyController {
  constructor(private readonly verify: VerifyTracker) {}

  @Get()
  @ApiOperation({ summary: "the running verify's progress and the last finished verify's report" })
  @ApiOkResponse({
    description:
      '{running, startedAt, finishedAt, progress: {phase, events, head, position, cases, casesTotal}, report: {sound, events, streams, cases, head, lastPosition, problems: [{message, streamName?, revision?, position?}], problemsTruncated, blobs: {referenced, matched, sound, problems: [{caseId, material, sha256, kind: missing|mismatched|unreadable, message, streamName, position, size}]}}, error}',
  })
  state() {
    return this.verify.state;
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'check the whole event log up to its current head and every attached file (present, hashing to its name), in the background, read-only; follow it with GET',
  })
  @ApiAcceptedResponse({ description: 'the verify has started; its state so far' })
  start() {
    return this.verify.start();
  }
}
