import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, Clock } from '@one-window/shared';
import {
  SharedSignInThrottle,
  SignInLimiter,
  type TokenPolicy,
  UserInputError,
  UsersStore,
  issueToken,
  publicUser,
  verifyPasswordOf,
} from '@one-window/identity';
import { TOKEN_POLICY } from '@one-window/identity/nest';
import type { FastifyRequest } from 'fastify';
import { problems } from '../problem/problem-details.js';
import { CLOCK } from '../tokens.js';
import { CurrentActor, Public } from './auth.decorators.js';
import { BootstrapDto, LoginAnswer, LoginDto, UserView } from './login.dto.js';
import { FirstUsers } from './first-users.js';
import { noteSignInFailure } from './sign-in-failure.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';

@ApiTags('auth')
@ApiProblems()
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersStore,
    private readonly limiter: SignInLimiter,
    private readonly throttle: SharedSignInThrottle,
    private readonly firstUsers: FirstUsers,
    @Inject(TOKEN_POLICY) private readonly policy: TokenPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginAnswer })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginAnswer> {
    // Blocks other servers started (one cached read); then counted before the hash: parallel guesses are each an attempt.
    await this.throttle.sync();
    const now = this.clock.now();
    const decision = this.limiter.begin(body.username, request.ip, now);
    if (!decision.allowed) {
      noteSignInFailure(request, decision.reason === 'address' ? 'throttled-address' : 'throttled-user');
      throw problems.tooManyRequests(
        decision.reason === 'address'
          ? 'Too many wrong passwords from this address; wait before trying again.'
          : 'Too many wrong passwords for this user from this address; wait before trying again.',
        decision.retryAfterSeconds,
      );
    }
    const user = await this.users.findByUsername(body.username);
    // An unknown name costs one hash too, and answers as a wrong password does: names are not to be probed.
    const ok =
      (await verifyPasswordOf(body.password, user?.passwordHash)) && user !== undefined && !user.disabled;
    if (!ok || !user) {
      decision.attempt.failed(this.clock.now());
      await this.throttle.publish();
      noteSignInFailure(request, 'wrong-credentials');
      throw problems.unauthorized('The username or password is wrong.', {
        code: 'unauthorized.wrong-password',
      });
    }
    decision.attempt.succeeded();
    const { token, expiresAt } = await issueToken(this.policy, user, now);
    return { token, expiresAt: expiresAt.toISOString(), user: publicUser(user) };
  }

  @Public()
  @Post('bootstrap')
  @HttpCode(201)
  @ApiOkResponse({
    type: UserView,
    description: 'the first administrator, made with the one-time bootstrap token',
  })
  async bootstrap(@Body() body: BootstrapDto): Promise<UserView> {
    let admin;
    try {
      admin = await this.firstUsers.createFirstAdmin(body.token, body);
    } catch (error) {
      if (error instanceof UserInputError) {
        throw problems.invalidInput(error.message, [{ pointer: `#/${error.field}`, detail: error.message }]);
      }
      throw error;
    }
    if (admin === null)
      throw problems.forbidden('The bootstrap token is wrong, used, or there are users already.', {
        code: 'forbidden.bootstrap',
      });
    return admin;
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentActor() actor: Actor): Promise<UserView> {
    const user = await this.users.get(actor.userId);
    if (!user) throw problems.unauthorized('this user no longer exists');
    return publicUser(user);
  }
}
