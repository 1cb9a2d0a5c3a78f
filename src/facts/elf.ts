/**
 * Reading an ELF file's header and program headers from its first bytes (the probe prints 4 KiB):
 * enough to tell a static program from a dynamic one and to name its interpreter, without
 * `readelf` or `file` in the image.
 */
import type { ElfInfo, ElfLinkage } from './types.js';

const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const ET_NAMES: Record<number, ElfInfo['type']> = { 1: 'rel', 2: 'exec', 3: 'dyn', 4: 'core' };
const MACHINES: Record<number, string> = {
  3: 'i386',
  8: 'mips',
  20: 'ppc',
  21: 'ppc64',
  22: 's390x',
  40: 'arm',
  62: 'x86_64',
  183: 'aarch64',
  243: 'riscv',
  258: 'loongarch',
};

export type ElfParse = { ok: true; elf: ElfInfo } | { ok: false; reason: string };

/** `od -An -v -tx1` output (hex byte pairs separated by spaces, any number per line) to bytes. */
export function bytesFromHex(lines: readonly string[]): Uint8Array {
  const pairs = lines.join(' ').trim().split(/\s+/).filter(Boolean);
  const bytes = new Uint8Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const value = /^[0-9a-fA-F]{2}$/.test(pairs[i]) ? parseInt(pairs[i], 16) : NaN;
    if (Number.isNaN(value)) return bytes.subarray(0, i);
    bytes[i] = value;
  }
  return bytes;
}

export function parseElf(bytes: Uint8Array): ElfParse {
  if (bytes.length < 16) return { ok: false, reason: 'fewer than 16 bytes' };
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
    return { ok: false, reason: 'no ELF magic number' };
  const bits = bytes[4] === 1 ? 32 : bytes[4] === 2 ? 64 : null;
  const little = bytes[5] === 1 ? true : bytes[5] === 2 ? false : null;
  if (bits === null) return { ok: false, reason: `unknown ELF class ${bytes[4]}` };
  if (little === null) return { ok: false, reason: `unknown ELF data encoding ${bytes[5]}` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = bits === 64 ? 64 : 52;
  if (bytes.length < headerSize) return { ok: false, reason: 'truncated ELF header' };
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  // Offsets and sizes past 2^53 cannot be in a file we read 4 KiB of: Number is enough.
  const word = (at: number) => (bits === 64 ? Number(view.getBigUint64(at, little)) : u32(at));

  const typeCode = u16(16);
  const machineCode = u16(18);
  const phoff = word(bits === 64 ? 32 : 28);
  const phentsize = u16(bits === 64 ? 54 : 42);
  const phnum = u16(bits === 64 ? 56 : 44);
  if (phnum === 0xffff) return { ok: false, reason: 'program header count kept in section 0' };
  if (phnum > 0 && phentsize < (bits === 64 ? 56 : 32))
    return { ok: false, reason: `program header entries of ${phentsize} bytes` };
  if (phoff + phnum * phentsize > bytes.length)
    return { ok: false, reason: 'program headers lie beyond the bytes read' };

  let interpreter: string | null = null;
  let interpreterOutside = false;
  let dynamic = false;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    const type = u32(at);
    if (type === PT_DYNAMIC) dynamic = true;
    if (type !== PT_INTERP) continue;
    const offset = word(at + (bits === 64 ? 8 : 4));
    const size = word(at + (bits === 64 ? 32 : 16));
    if (offset + size > bytes.length) {
      interpreterOutside = true;
      continue;
    }
    const raw = bytes.subarray(offset, offset + size);
    const end = raw.indexOf(0);
    interpreter = new TextDecoder().decode(end === -1 ? raw : raw.subarray(0, end));
  }
  const type = ET_NAMES[typeCode] ?? 'other';
  const hasInterp = interpreter !== null || interpreterOutside;
  const linkage: ElfLinkage = hasInterp
    ? 'dynamic'
    : dynamic && type === 'dyn'
      ? 'static-pie'
      : 'static';
  return {
    ok: true,
    elf: {
      bits,
      endian: little ? 'little' : 'big',
      machine: MACHINES[machineCode] ?? `machine-${machineCode}`,
      type,
      interpreter,
      ...(interpreterOutside ? { interpreterOutside: true } : {}),
      dynamicSection: dynamic,
      linkage,
    },
  };
}
