import { CASE_STATUS_INFO, describeCommands } from '@one-window/case';
import { type Lang, messages, preferredLang } from '@one-window/shared';
import type { FieldProblem, ProblemDetails } from './problem-details.js';

// The statechart's and the command registry's own names join the catalog, so a refusal names the
// state and the commands the way the console does (`status.<status>`, `cmd.<type>`).
messages.add(Object.fromEntries(CASE_STATUS_INFO.map((s) => [`status.${s.status}`, s.labels])));
messages.add(Object.fromEntries(describeCommands().map((c) => [`cmd.${c.type}`, c.labels])));

export { preferredLang };

const typeCode = (type: string): string =>
  type.startsWith('/problems/') ? type.slice('/problems/'.length) : type;

/** The Chinese of `detail`: the catalog's words for the code, else the server's own, else the type's. */
function detailZh(problem: ProblemDetails, code: string): string {
  if (messages.has(`problem.${code}`) || !problem.detailZh) {
    return messages.problemDetail('zh', {
      type: problem.type,
      status: problem.status,
      code,
      params: problem.params,
    });
  }
  return problem.detailZh;
}

function fieldInLang(lang: Lang, field: FieldProblem): FieldProblem {
  const code = field.code ?? 'invalid';
  const zh = messages.fieldProblem('zh', { pointer: field.pointer, code, params: field.params });
  return {
    pointer: field.pointer,
    code,
    params: field.params ?? {},
    detail: lang === 'zh' ? zh : field.detail,
    detailZh: zh,
  } as FieldProblem;
}

/**
 * A problem in the language the client asked for (Accept-Language, zh-CN by default, ADR 15):
 * `title` and `detail` in that language, `titleZh` and `detailZh` always (ADR 12), and the
 * `code` and `params` a client words the problem from itself.
 */
export function inLanguage(problem: ProblemDetails, lang: Lang): ProblemDetails {
  const code = problem.code ?? typeCode(problem.type);
  const titleZh = problem.titleZh ?? messages.problemTitle('zh', problem.type);
  const zh = detailZh(problem, code);
  return {
    ...problem,
    title: lang === 'zh' ? titleZh : problem.title,
    detail: lang === 'zh' ? zh : problem.detail,
    code,
    params: problem.params ?? {},
    titleZh,
    detailZh: zh,
    ...(problem.errors ? { errors: problem.errors.map((e) => fieldInLang(lang, e)) } : {}),
  };
}
