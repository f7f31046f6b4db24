// findText/replaceText patterns: Apps Script passes them to Google's RE2, so this translates RE2 syntax to a JS RegExp
// and refuses what RE2 cannot do (lookaround, backreferences) instead of silently matching more than production would.
import { gasError } from './errors';

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp>();

/**
 * The pattern as a global JS RegExp. Reference (Body.replaceText): "The search pattern is passed as a string, not a
 * JavaScript regular expression object ... This methods uses Google's RE2 regular expression library, which limits
 * the supported syntax." and (findText) "capture groups and mode modifiers" are "not fully supported".
 */
export function re2(pattern: unknown): RegExp {
  if (typeof pattern !== 'string') throw gasError(`Invalid argument: searchPattern`);
  const hit = cache.get(pattern);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  const compiled = translate(pattern);
  cache.set(pattern, compiled);
  return compiled;
}

function refuse(pattern: string, why: string): Error {
  // RE2 rejects these at compile time; the exact message Apps Script relays is not documented.
  return gasError(`Invalid regular expression: ${pattern} (${why} is not supported by RE2)`);
}

function translate(pattern: string): RegExp {
  let flags = 'g';
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) {
      if (f === 'U') throw refuse(pattern, 'the ungreedy flag (?U)');
      if (!flags.includes(f)) flags += f;
    }
    src = src.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const next = src[i + 1];
      if (next === undefined) throw refuse(pattern, 'a trailing backslash');
      if (/[1-9]/.test(next) && !inClass) throw refuse(pattern, 'a backreference');
      if (next === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const literal = src.slice(i + 2, end === -1 ? undefined : end);
        out += literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end === -1 ? src.length : end + 1;
        continue;
      }
      if (next === 'A' && !inClass) {
        out += '^';
        i++;
        continue;
      }
      if (next === 'z' && !inClass) {
        out += '$(?![\\s\\S])';
        i++;
        continue;
      }
      if (next === 'p' || next === 'P') {
        if (!flags.includes('u')) flags += 'u';
        if (src[i + 2] !== '{') {
          out += `\\${next}{${src[i + 2]}}`;
          i += 2;
          continue;
        }
      }
      out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && src[i + 1] === ':') {
        const end = src.indexOf(':]', i + 2);
        const name = end === -1 ? '' : src.slice(i + 2, end);
        const body = POSIX_CLASSES[name.replace(/^\^/, '')];
        if (!body || name.startsWith('^')) throw refuse(pattern, `the class [:${name}:]`);
        out += body;
        i = end + 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (src[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const rest = src.slice(i + 2);
      if (/^(=|!|<=|<!)/.test(rest)) throw refuse(pattern, 'lookaround');
      if (rest.startsWith('P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      if (rest.startsWith(':') || rest.startsWith('<')) {
        out += c;
        continue;
      }
      throw refuse(pattern, 'a mode modifier inside the pattern');
    }
    out += c;
  }
  try {
    return new RegExp(out, flags);
  } catch (e) {
    throw gasError(`Invalid regular expression: ${pattern} (${(e as Error).message})`);
  }
}
