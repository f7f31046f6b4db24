// Pins PropertiesService of the local runtime: string values, the three stores and the size limits.
import { RuntimeCore } from '../../local/runtime/core';
import {
  createPropertiesService,
  PROPERTY_QUOTA_MESSAGE,
  PROPERTY_VALUE_LIMIT_BYTES,
} from '../../local/runtime/properties';

function setup(opts: { containerBound?: boolean } = {}) {
  const core = new RuntimeCore('2010-03-10T09:00:00Z');
  let user = 'alice@council.gov.uk';
  const service = createPropertiesService(core, { currentUser: () => user, ...opts });
  return { core, ...service, switchUser: (email: string) => (user = email) };
}

describe('Properties', () => {
  it('returns null for a missing key and strings for stored ones', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('count', 5 as unknown as string).setProperty('flag', true as unknown as string);
    expect(props.getProperty('count')).toBe('5');
    expect(props.getProperty('flag')).toBe('true');
    props.setProperty('obj', { a: 1 } as unknown as string);
    expect(props.getProperty('obj')).toBe('[object Object]');
  });

  it('refuses null and undefined values', () => {
    const { PropertiesService } = setup();
    expect(() => PropertiesService.getScriptProperties().setProperty('k', null as unknown as string)).toThrow(
      'Invalid argument: value',
    );
  });

  it('sets many at once, optionally deleting all others', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getUserProperties();
    props.setProperties({ cow: 'moo', sheep: 'baa' });
    props.setProperties({ chicken: 'cluck' });
    expect(props.getKeys().sort()).toEqual(['chicken', 'cow', 'sheep']);
    props.setProperties({ nickname: 'Bob' }, true);
    expect(props.getProperties()).toEqual({ nickname: 'Bob' });
  });

  it('hands out a copy, not a live view', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    copy.b = 'new';
    expect(props.getProperties()).toEqual({ a: '1' });
  });

  it('deletes one or all', () => {
    const { PropertiesService, snapshot } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperties({ a: '1', b: '2' }).deleteProperty('a');
    expect(snapshot('script')).toEqual({ b: '2' });
    props.deleteAllProperties();
    expect(snapshot('script')).toEqual({});
  });

  it('keeps script properties shared and user properties per user', () => {
    const { PropertiesService, switchUser, snapshot } = setup();
    PropertiesService.getScriptProperties().setProperty('shared', 'yes');
    PropertiesService.getUserProperties().setProperty('mine', 'alice');
    switchUser('bob@council.gov.uk');
    expect(PropertiesService.getScriptProperties().getProperty('shared')).toBe('yes');
    expect(PropertiesService.getUserProperties().getProperty('mine')).toBeNull();
    expect(snapshot('user', 'alice@council.gov.uk')).toEqual({ mine: 'alice' });
  });

  it('has document properties only when bound to a document', () => {
    expect(setup().PropertiesService.getDocumentProperties()).not.toBeNull();
    expect(setup({ containerBound: false }).PropertiesService.getDocumentProperties()).toBeNull();
  });

  it('counts calls, chained ones included', () => {
    const { core, PropertiesService } = setup();
    PropertiesService.getScriptProperties().setProperty('a', '1').setProperty('b', '2');
    expect(core.calls.get('PropertiesService.PropertiesService.getScriptProperties')).toBe(1);
    expect(core.calls.get('PropertiesService.Properties.setProperty')).toBe(2);
  });
});

describe('property limits', () => {
  it('takes a value of exactly 9 KB and refuses one byte more, leaving the store unchanged', () => {
    const { PropertiesService } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES));
    expect(() => props.setProperty('big', 'y'.repeat(PROPERTY_VALUE_LIMIT_BYTES + 1))).toThrow(
      PROPERTY_QUOTA_MESSAGE,
    );
    expect(props.getProperty('big')).toBe('x'.repeat(PROPERTY_VALUE_LIMIT_BYTES));
  });

  it('measures values in UTF-8 bytes', () => {
    const { PropertiesService } = setup();
    const twoByteChars = 'é'.repeat(PROPERTY_VALUE_LIMIT_BYTES / 2 + 1);
    expect(() => PropertiesService.getScriptProperties().setProperty('accents', twoByteChars)).toThrow(
      PROPERTY_QUOTA_MESSAGE,
    );
  });

  it('refuses the write that would take a store past 500 KB', () => {
    const { PropertiesService, bytesUsed } = setup();
    const props = PropertiesService.getScriptProperties();
    let written = 0;
    expect(() => {
      for (;;) {
        props.setProperty(`k${written}`, 'v'.repeat(9000));
        written += 1;
      }
    }).toThrow(PROPERTY_QUOTA_MESSAGE);
    expect(written).toBe(56); // 56 x ~9 KB fits in 512000 bytes; the 57th does not
    expect(props.getProperty(`k${written}`)).toBeNull();
    expect(bytesUsed('script')).toBeLessThanOrEqual(500 * 1024);
    props.setProperty('k0', 'small'); // replacing a value counts its new size only
  });

  it('applies setProperties all or nothing', () => {
    const { PropertiesService, snapshot } = setup();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('keep', '1');
    expect(() =>
      props.setProperties({ ok: 'fine', big: 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES + 1) }, true),
    ).toThrow(PROPERTY_QUOTA_MESSAGE);
    expect(snapshot('script')).toEqual({ keep: '1' });
  });
});
