// `node --import <this file> script.ts`: runs this repository's TypeScript in a child process (tests only).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
