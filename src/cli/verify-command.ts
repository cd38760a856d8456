// `zhida verify FILE.json [--key PEM_FILE] [--json]`: checks a downloaded transcript and says whether it
// is intact. Exit 0 intact; 1 altered (or not signed by the given key); 2 usage or unreadable file.
// Intact proves the file is unchanged since whoever holds the key signed it; comparing the printed
// fingerprint with the one the business publishes (or passing its key with --key) proves who that was.
import { readFile } from 'node:fs/promises';
import { formatFingerprint } from '../evidence/signing-key.js';
import { verifyTranscript } from '../evidence/verify-transcript.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = 'usage: zhida verify FILE.json [--key PUBLIC_KEY.pem] [--json]';

function parse(argv: string[]): { file: string; keyFile?: string; json: boolean } | null {
  let file: string | undefined;
  let keyFile: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--key') {
      keyFile = argv[++i];
      if (!keyFile) return null;
    } else if (arg.startsWith('--key=')) keyFile = arg.slice('--key='.length);
    else if (arg.startsWith('-') || file !== undefined) return null;
    else file = arg;
  }
  return file ? { file, keyFile, json } : null;
}

export async function runVerify(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  if (!args) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let document: unknown;
  let keyPem: string | undefined;
  try {
    document = JSON.parse(await readFile(args.file, 'utf8'));
    if (args.keyFile) keyPem = await readFile(args.keyFile, 'utf8');
  } catch (err) {
    io.stderr(
      `cannot read ${err instanceof SyntaxError ? `${args.file}: not JSON` : (err as Error).message}\n`,
    );
    return 2;
  }
  const result = verifyTranscript(document, { keyPem });
  if (args.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return result.intact ? 0 : 1;
  }
  const fingerprint = result.fingerprint ? formatFingerprint(result.fingerprint) : '(none)';
  if (result.intact) {
    io.stdout(`完整 INTACT: ${args.file} — ${result.messageCount} message(s), unchanged since signed\n`);
  } else {
    io.stdout(`已被改动 NOT INTACT: ${args.file} — ${result.problems.length} problem(s):\n`);
    for (const p of result.problems) io.stdout(`  - [${p.code}] ${p.messageZh} / ${p.message}\n`);
  }
  io.stdout(
    `公钥指纹 Key fingerprint (${result.keySource === 'given' ? 'key given with --key' : 'key embedded in the file'}):\n  ${fingerprint}\n`,
  );
  if (result.keySource === 'embedded') {
    io.stdout(
      '请将此指纹与商家公布的指纹（GET /api/v1/keys/transcript）核对：一致才证明文件出自该商家。\n' +
        'Compare this fingerprint with the one the business publishes (GET /api/v1/keys/transcript): only a match proves the file comes from it.\n',
    );
  }
  return result.intact ? 0 : 1;
}
