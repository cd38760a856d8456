// How large a zip archive (an .xlsx is one) says it becomes once unpacked, read from its central
// directory without inflating anything: an upload can then be refused before a zip bomb fills memory.

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** The sum of the declared uncompressed sizes, or null when the buffer is no readable zip archive. */
export function declaredUnzippedSize(zip: Buffer): number | null {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const size = zip.readUInt32LE(at + 24);
    // A zip64 entry (over 4 GiB, or sizes moved to an extra field): count it as too large to unpack.
    total += size === ZIP64_MARK ? Number.POSITIVE_INFINITY : size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
