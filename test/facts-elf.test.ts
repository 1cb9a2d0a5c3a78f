/**
 * The ELF reader on real programs of this machine (/bin/ls; a C program linked -static and
 * -static-pie when gcc can), on bytes passed through `od` as the probe passes them, and on
 * synthetic headers (32-bit big-endian, loader past the bytes read), truncated and garbage input.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesFromHex, parseElf } from '../src/facts/elf.js';

// Linked while the tests are defined, so that a case gcc cannot make is skipped, with the reason.
const gccDir = mkdtempSync(join(tmpdir(), 'dockopt-elf-'));
const built: Record<string, string | null> = {};
writeFileSync(
  join(gccDir, 'hello.c'),
  '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n',
);
for (const [name, flag] of [
  ['static', '-static'],
  ['static-pie', '-static-pie'],
  ['dynamic', '-pie'],
]) {
  const result = spawnSync('gcc', [flag, '-o', join(gccDir, name), join(gccDir, 'hello.c')], {
    encoding: 'utf8',
  });
  built[name] = result.status === 0 ? join(gccDir, name) : null;
  if (result.status !== 0) {
    const why = (result.error?.message ?? result.stderr).trim().split('\n')[0];
    console.log(`facts-elf: skipping the gcc ${flag} case, gcc cannot link it here: ${why}`);
  }
}

const head = (path: string) => new Uint8Array(readFileSync(path).subarray(0, 4096));

function elfOf(bytes: Uint8Array) {
  const parsed = parseElf(bytes);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.reason}`);
  return parsed.elf;
}

describe('real programs', () => {
  test('/bin/ls is a dynamic executable with the platform loader', () => {
    const elf = elfOf(head('/bin/ls'));
    expect(elf.linkage).toBe('dynamic');
    expect(elf.dynamicSection).toBe(true);
    expect(elf.bits).toBe(64);
    expect(elf.endian).toBe('little');
    if (process.arch === 'x64') {
      expect(elf.machine).toBe('x86_64');
      expect(elf.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    } else {
      expect(elf.interpreter).toMatch(/^\/lib.*\/ld-/);
    }
  });

  test('the bytes od prints (as the probe sends them) parse the same as the file', () => {
    const dump = execFileSync('od', ['-An', '-v', '-tx1', '-N', '4096', '/bin/ls'], {
      encoding: 'utf8',
    });
    const bytes = bytesFromHex(dump.split('\n'));
    expect(bytes.length).toBe(4096);
    expect(Buffer.from(bytes).equals(Buffer.from(head('/bin/ls')))).toBe(true);
    expect(elfOf(bytes)).toEqual(elfOf(head('/bin/ls')));
  });

  describe('C programs linked by gcc', () => {
    afterAll(() => rmSync(gccDir, { recursive: true, force: true }));
    const when = (name: string) => (built[name] ? test : test.skip);

    when('static')('gcc -static: static, no loader, no dynamic section', () => {
      const elf = elfOf(head(built.static!));
      expect(elf).toMatchObject({
        linkage: 'static',
        interpreter: null,
        dynamicSection: false,
        type: 'exec',
      });
    });

    when('static-pie')(
      'gcc -static-pie: position-independent, no loader, but a dynamic section',
      () => {
        const elf = elfOf(head(built['static-pie']!));
        expect(elf).toMatchObject({
          linkage: 'static-pie',
          interpreter: null,
          dynamicSection: true,
          type: 'dyn',
        });
      },
    );

    when('dynamic')('gcc -pie: dynamic, the same loader as /bin/ls', () => {
      const elf = elfOf(head(built.dynamic!));
      expect(elf.linkage).toBe('dynamic');
      expect(elf.interpreter).toBe(elfOf(head('/bin/ls')).interpreter);
      expect(realpathSync(elf.interpreter!)).toBeTruthy();
    });
  });
});

/** A minimal ELF image: header, program headers, and the loader path after them. */
function syntheticElf(options: {
  bits: 32 | 64;
  little: boolean;
  interp?: string;
  dynamic?: boolean;
  type?: number;
}) {
  const { bits, little } = options;
  const ehsize = bits === 64 ? 64 : 52;
  const phentsize = bits === 64 ? 56 : 32;
  const headers: { type: number; offset: number; size: number }[] = [
    { type: 1, offset: 0, size: 0 },
  ];
  const interpOffset = ehsize + phentsize * 3;
  if (options.interp !== undefined)
    headers.push({ type: 3, offset: interpOffset, size: options.interp.length + 1 });
  if (options.dynamic) headers.push({ type: 2, offset: 0, size: 0 });
  const bytes = new Uint8Array(interpOffset + 64);
  const view = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, little ? 1 : 2, 1]);
  view.setUint16(16, options.type ?? 2, little);
  view.setUint16(18, bits === 64 ? 183 : 20, little);
  const put = (at: number, value: number) =>
    bits === 64 ? view.setBigUint64(at, BigInt(value), little) : view.setUint32(at, value, little);
  put(bits === 64 ? 32 : 28, ehsize);
  view.setUint16(bits === 64 ? 54 : 42, phentsize, little);
  view.setUint16(bits === 64 ? 56 : 44, headers.length, little);
  headers.forEach((header, i) => {
    const at = ehsize + i * phentsize;
    view.setUint32(at, header.type, little);
    put(at + (bits === 64 ? 8 : 4), header.offset);
    put(at + (bits === 64 ? 32 : 16), header.size);
  });
  if (options.interp !== undefined)
    bytes.set(new TextEncoder().encode(options.interp), interpOffset);
  return bytes;
}

describe('synthetic headers', () => {
  test('32-bit big-endian (ppc) with a loader', () => {
    const elf = elfOf(
      syntheticElf({ bits: 32, little: false, interp: '/lib/ld.so.1', dynamic: true }),
    );
    expect(elf).toMatchObject({
      bits: 32,
      endian: 'big',
      machine: 'ppc',
      interpreter: '/lib/ld.so.1',
      linkage: 'dynamic',
    });
  });

  test('64-bit little-endian aarch64, static', () => {
    const elf = elfOf(syntheticElf({ bits: 64, little: true }));
    expect(elf).toMatchObject({
      machine: 'aarch64',
      linkage: 'static',
      interpreter: null,
      type: 'exec',
    });
  });

  test('a loader path past the bytes read: dynamic, loader unknown', () => {
    const full = syntheticElf({ bits: 64, little: true, interp: '/lib/ld-linux-aarch64.so.1' });
    const cut = full.subarray(0, 64 + 56 * 3 + 4);
    const elf = elfOf(cut);
    expect(elf).toMatchObject({ linkage: 'dynamic', interpreter: null, interpreterOutside: true });
  });
});

describe('not ELF, or not enough of it', () => {
  test.each([
    ['empty', new Uint8Array(0), 'fewer than 16 bytes'],
    [
      'a shell script',
      new TextEncoder().encode('#!/bin/sh\necho hello world\n'),
      'no ELF magic number',
    ],
    [
      'ELF magic then nothing',
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]),
      'truncated ELF header',
    ],
    [
      'a bad class',
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 9, 1, 1, ...new Array(60).fill(0)]),
      'unknown ELF class 9',
    ],
  ])('%s', (_name, bytes, reason) => {
    expect(parseElf(bytes)).toEqual({ ok: false, reason });
  });

  test('/bin/ls cut after its header: program headers beyond the bytes read', () => {
    expect(parseElf(head('/bin/ls').subarray(0, 100))).toEqual({
      ok: false,
      reason: 'program headers lie beyond the bytes read',
    });
  });

  test('random bytes behind a valid magic number never throw', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let round = 0; round < 200; round++) {
      const bytes = new Uint8Array(64 + (round % 200)).map(random);
      bytes.set([0x7f, 0x45, 0x4c, 0x46, 1 + (round % 2), 1 + ((round >> 1) % 2)]);
      const parsed = parseElf(bytes);
      if (parsed.ok) expect(['static', 'static-pie', 'dynamic']).toContain(parsed.elf.linkage);
      else expect(parsed.reason).toMatch(/\w/);
    }
  });

  test('hex dumps with garbage stop at the first bad pair', () => {
    expect([...bytesFromHex([' 7f 45', ' 4c zz 46'])]).toEqual([0x7f, 0x45, 0x4c]);
    expect([...bytesFromHex([])]).toEqual([]);
  });
});
