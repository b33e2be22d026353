import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, Clock } from '@one-window/shared';
import type { ServerConfig } from '../config/server-config.js';
import { problems } from '../problem/problem-details.js';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';
import { CurrentActor, Public } from './auth.decorators.js';
import { BootstrapDto, LoginAnswer, LoginDto, UserView } from './login.dto.js';
import { FirstUsers } from './first-users.js';
import { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './password.js';
import { issueToken } from './token.js';
import { UserInputError, UsersStore, publicUser } from './users.store.js';
import { ApiProblems } from '../problem/api-problems.decorator.js';

@ApiTags('auth')
@ApiProblems()
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersStore,
    private readonly throttle: LoginThrottle,
    private readonly firstUsers: FirstUsers,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginAnswer })
  async login(@Body() body: LoginDto): Promise<LoginAnswer> {
    const now = this.clock.now();
    this.throttle.check(body.username, now);
    const user = await this.users.findByUsername(body.username);
    // Same answer for an unknown name and a wrong password: names are not to be probed.
    const ok =
      user !== undefined && !user.disabled && (await verifyPassword(body.password, user.passwordHash));
    if (!ok || !user) {
      this.throttle.failed(body.username, now);
      throw problems.unauthorized('The username or password is wrong.');
    }
    this.throttle.succeeded(body.username);
    const { token, expiresAt } = issueToken(this.config.authSecret, user, now, this.config.tokenTtlSeconds);
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
      throw problems.forbidden('The bootstrap token is wrong, used, or there are users already.');
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
