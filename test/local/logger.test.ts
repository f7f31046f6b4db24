// Pins Logger (with %s substitution, per-execution log) and the recording console of the local runtime.
import { RuntimeCore } from '../../local/runtime/core';
import { createLogger } from '../../local/runtime/logger';

function setup() {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  core.beginExecution();
  return { core, ...createLogger(core) };
}

describe('Logger', () => {
  it('substitutes %s placeholders as the reference example does', () => {
    const { Logger } = setup();
    Logger.log('You are a member of %s Google Groups.', 3);
    expect(Logger.getLog()).toBe('You are a member of 3 Google Groups.');
  });

  it('leaves %s alone when logging a single value, and chains', () => {
    const { Logger, lines } = setup();
    Logger.log('100%s sure').log({ a: 1 });
    expect(lines).toEqual(['INFO 100%s sure', 'INFO {"a":1}']);
  });

  it('keeps getLog to the current execution and clear() to the Logger log', () => {
    const { core, Logger, lines } = setup();
    Logger.log('first run');
    core.beginExecution();
    expect(Logger.getLog()).toBe('');
    Logger.log('a');
    Logger.log('b');
    expect(Logger.getLog()).toBe('a\nb');
    Logger.clear();
    expect(Logger.getLog()).toBe('');
    Logger.log('c');
    expect(Logger.getLog()).toBe('c');
    expect(lines).toEqual(['INFO first run', 'INFO a', 'INFO b', 'INFO c']);
  });

  it('counts its calls', () => {
    const { core, Logger } = setup();
    Logger.log('x').log('y');
    expect(core.calls.get('Logger.Logger.log')).toBe(2);
  });
});

describe('console', () => {
  it('records each line with its level instead of printing', () => {
    const { console: gasConsole, lines, entries } = setup();
    const spy = jest.spyOn(global.console, 'log').mockImplementation(() => undefined);
    gasConsole.log('plain');
    gasConsole.info('sent %d of %d', 2, 3);
    gasConsole.warn('quota low');
    gasConsole.error('failed', new Error('boom').message);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(lines).toEqual(['INFO plain', 'INFO sent 2 of 3', 'WARNING quota low', 'ERROR failed boom']);
    expect(entries[3]).toMatchObject({ source: 'console', level: 'ERROR', executionId: 1 });
  });

  it('times with the simulated clock', () => {
    const { core, console: gasConsole, lines } = setup();
    gasConsole.time('job');
    core.advance(1234);
    gasConsole.timeEnd('job');
    expect(lines).toEqual(['INFO job: 1234ms']);
    expect(core.calls.get('console.console.timeEnd')).toBe(1);
  });
});
