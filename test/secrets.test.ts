/**
 * src/secrets.ts: the passwords of connection strings of every shape, and every
 * form they can be printed in, are redacted; nothing that merely looks like a
 * password is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { escapeData } from '../src/report/github.js';
import { escapeHtml, escapeText } from '../src/report/markdown.js';
import {
  displayConnection,
  forgetSecrets,
  guardStream,
  redactSecrets,
  registerSecret,
  registerSecretUrl,
  secretForms,
  secretValues,
} from '../src/secrets.js';
import { SHAPES } from './secret-shapes.js';

afterEach(() => forgetSecrets());

describe('secretValues: the password of a connection string of any shape', () => {
  for (const [name, url, password] of SHAPES) {
    it(name, () => {
      const values = secretValues(url);
      expect(values).toContain(url);
      // the password itself, or its raw form that decodes to it
      expect(values.flatMap((v) => secretForms(v))).toContain(password);
    });
  }
});

describe('redactSecrets', () => {
  it('redacts a registered URL whole and its password wherever it appears, in every form', () => {
    const url = 'postgres://app:p%40ss%2Fw0rd@db.internal:5432/shop';
    registerSecretUrl(url);
    const text = [
      `connecting to ${url}`,
      'password "p@ss/w0rd" rejected',
      `raw p%40ss%2Fw0rd, json ${JSON.stringify('p@ss/w0rd')}`,
      `markdown ${escapeText('p@ss/w0rd')}, html ${escapeHtml('p@ss/w0rd')}, command ${escapeData('p%40ss%2Fw0rd')}`,
    ].join('\n');
    const out = redactSecrets(text);
    expect(out).not.toMatch(/p@ss|p%40ss|p\\?@\u200Dss|w0rd/);
    expect(out).toContain('connecting to ***');
    expect(out).toContain('password "***" rejected');
  });

  it('the escapes it copies agree with the report formatters (markdown, HTML, workflow commands)', () => {
    const nasty = 'a_b*c`d|e~f$g[h]i\\j@k#1<l>m&n"o%p\nq GH-2 !3 &4';
    registerSecret(nasty);
    for (const form of [escapeText(nasty), escapeHtml(nasty), escapeData(nasty), JSON.stringify(nasty).slice(1, -1)])
      expect(redactSecrets(`before ${form} after`)).toBe('before *** after');
  });

  it('leaves text alone when nothing is registered, even SQL that sets a password', () => {
    const sql = "UPDATE users SET password = 'x'; SELECT dblink_connect('host=db password=abc');";
    expect(redactSecrets(sql)).toBe(sql);
  });

  it('does not redact very short secrets everywhere (every "pw" of a report would go), but the URL holding them', () => {
    registerSecretUrl('postgres://u:pw@127.0.0.1:1/test');
    expect(redactSecrets('pwned by postgres://u:pw@127.0.0.1:1/test')).toBe('pwned by ***');
  });
});

describe('a URL without a password', () => {
  it('stays readable in messages; one zerodown cannot parse is hidden whole, to be safe', () => {
    registerSecretUrl('postgres://postgres@127.0.0.1:5432/test');
    expect(redactSecrets('cannot connect to postgres://postgres@127.0.0.1:5432/test')).toBe(
      'cannot connect to postgres://postgres@127.0.0.1:5432/test',
    );
    registerSecretUrl('postgres://postgres@127.0.0.1:99999/test');
    expect(redactSecrets('cannot parse postgres://postgres@127.0.0.1:99999/test')).toBe('cannot parse ***');
  });
});

describe('displayConnection', () => {
  it('keeps user, host and database, masks the password, whatever the shape', () => {
    expect(displayConnection('postgres://app:S3c@re:t/PW@db:99999/shop')).toBe('postgres://app:***@db:99999/shop');
    expect(displayConnection('postgres://app@db/shop?sslmode=require&password=S3cretPW')).toBe(
      'postgres://app@db/shop?sslmode=require&password=***',
    );
    expect(displayConnection("host=db password='S3cret PW' dbname=shop")).toBe("host=db password='***' dbname=shop");
    expect(displayConnection('postgres://app:pw@db/shop')).toBe('postgres://app:***@db/shop');
  });
});

describe('guardStream', () => {
  it('redacts what is written to the stream, passes ::add-mask:: through, and can be removed', () => {
    const written: unknown[] = [];
    const stream = { write: (c: unknown) => (written.push(c), true) } as unknown as NodeJS.WriteStream;
    const restore = guardStream(stream);
    registerSecretUrl('postgres://u:S3cretPW@h/db');
    stream.write('error: postgres://u:S3cretPW@h/db refused S3cretPW\n');
    stream.write(Buffer.from('buffer S3cretPW\n'));
    stream.write('::add-mask::S3cretPW\n');
    restore();
    stream.write('after S3cretPW\n');
    expect(written.map(String)).toEqual([
      'error: *** refused ***\n',
      'buffer ***\n',
      '::add-mask::S3cretPW\n',
      'after S3cretPW\n',
    ]);
  });
});
