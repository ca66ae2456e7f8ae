// EPUB → paragraphs: META-INF/container.xml names the OPF package, whose spine orders the XHTML documents;
// each goes through the HTML parser. Only the documents read are decompressed, under a total size cap, so a
// ZIP bomb cannot exhaust memory; the documents share one EbookBudget (paragraph, text and nesting limits).
import path from 'node:path/posix';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../errors/app-error.ts';
import type { Paragraph, RemovedMarker } from './ebook-types.ts';
import { decodeText } from './decode-text.ts';
import { EbookBudget } from './ebook-budget.ts';
import { parseHtmlEbook, type HtmlEbook } from './parse-html-ebook.ts';
import { parseMarkup } from './parse-markup.ts';

/** The HTML parser's book, with the warnings of reading the package (a spine document missing, a decoding issue). */
export type EpubEbook = HtmlEbook & { warnings: string[] };

export const EPUB_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function unsupported(fileName: string, why: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA',
    `${fileName} is not a readable EPUB (${why}): export it again or upload a .txt or .html edition.`,
    { fileName },
  );
}

function openZip(bytes: Uint8Array, fileName: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
      (err, zip) => (err || !zip ? reject(unsupported(fileName, 'corrupt ZIP archive')) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile, fileName: string): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= MAX_ENTRIES) {
        reject(new AppError('TOO_LARGE', `${fileName} has more than ${MAX_ENTRIES} files; it is not an ebook.`, { fileName }));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(unsupported(fileName, 'corrupt ZIP archive')));
    zip.readEntry();
  });
}

export async function parseEpub(
  bytes: Uint8Array,
  fileName: string,
  opts: { maxUncompressedBytes?: number; budget?: EbookBudget } = {},
): Promise<EpubEbook> {
  const limit = opts.maxUncompressedBytes ?? EPUB_MAX_UNCOMPRESSED_BYTES;
  const budget = opts.budget ?? new EbookBudget();
  const zip = await openZip(bytes, fileName);
  try {
    const entries = await listEntries(zip, fileName);
    const byLowerName = new Map<string, yauzl.Entry>();
    for (const entry of entries.values()) {
      if (!byLowerName.has(entry.fileName.toLowerCase())) byLowerName.set(entry.fileName.toLowerCase(), entry);
    }
    let bytesLeft = limit;
    const tooLarge = () =>
      new AppError(
        'TOO_LARGE',
        `${fileName} unpacks to more than ${size(limit)} of text: it is not a normal ebook, so it was not read.`,
        { fileName, limit },
      );

    const read = async (name: string): Promise<Uint8Array | undefined> => {
      const entry = entries.get(name) ?? byLowerName.get(name.toLowerCase());
      if (!entry) return undefined;
      if (entry.uncompressedSize > bytesLeft) throw tooLarge();
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err || !s ? reject(unsupported(fileName, `cannot read ${name}`)) : resolve(s))),
      );
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          bytesLeft -= chunk.length; // counts real bytes: a lying size header does not get past the cap
          if (bytesLeft < 0) throw tooLarge();
          chunks.push(chunk);
        }
      } catch (e) {
        stream.destroy();
        if (e instanceof AppError) throw e;
        throw unsupported(fileName, `damaged entry ${name}`);
      }
      return new Uint8Array(Buffer.concat(chunks));
    };
    const warnings: string[] = [];
    const readText = async (name: string) => {
      const data = await read(name);
      if (!data) return undefined;
      if (data.every((b) => b <= 0x20)) return ''; // an empty document is not an error
      const decoded = decodeText(data, `${fileName}:${name}`, { checkAccents: false });
      for (const warning of decoded.warnings) warnings.push(warning);
      return decoded.text;
    };

    const container = await readText('META-INF/container.xml');
    if (!container) throw unsupported(fileName, 'META-INF/container.xml is missing');
    const opfPath = readRootfile(container, `${fileName} (META-INF/container.xml)`);
    if (!opfPath) throw unsupported(fileName, 'container.xml names no package document');
    const opf = await readText(opfPath);
    if (!opf) throw unsupported(fileName, `package document ${opfPath} is missing`);

    const pkg = readPackage(opf, `${fileName} (${opfPath})`);
    if (pkg.spine.length > MAX_ENTRIES) {
      throw new AppError('TOO_LARGE', `${fileName} lists more than ${MAX_ENTRIES} documents in its spine; it is not an ebook.`, {
        fileName,
      });
    }
    const base = path.dirname(opfPath);
    const paragraphs: Paragraph[] = [];
    const removed: RemovedMarker[] = [];
    let gutenbergHeader = false;
    let gutenbergFooter = false;
    let headerTitle: string | undefined;
    let headerAuthor: string | undefined;
    for (const ref of pkg.spine) {
      const item = pkg.manifest.get(ref.idref);
      if (!item || !/x?html/i.test(item.mediaType)) continue;
      const docPath = path.normalize(path.join(base, decodeHref(item.href)));
      if (ref.linear === 'no') {
        // Auxiliary content (notes, cover) that readers show out of the reading order.
        budget.addBlock(`${fileName} (${docPath})`);
        removed.push({ kind: 'note', text: `(non-linear document ${docPath})`, paragraph: paragraphs.length });
        continue;
      }
      if (item.properties.includes('nav')) {
        budget.addBlock(`${fileName} (${docPath})`);
        removed.push({ kind: 'toc', text: `(navigation document ${docPath})`, paragraph: paragraphs.length });
        continue;
      }
      const html = await readText(docPath);
      if (html === undefined) {
        warnings.push(`${fileName}: ${docPath} is listed in the spine but missing from the archive; skipped.`);
        continue;
      }
      const doc = parseHtmlEbook(html, { where: `${fileName} (${docPath})`, budget });
      // One push per item: spreading a document's 10⁵+ paragraphs into push() overflows the call stack.
      const offset = paragraphs.length;
      for (const r of doc.removed) removed.push({ ...r, paragraph: r.paragraph + offset });
      for (const p of doc.paragraphs) paragraphs.push(p);
      gutenbergHeader ||= doc.gutenbergHeader;
      gutenbergFooter ||= doc.gutenbergFooter;
      if (doc.gutenbergHeader) {
        headerTitle ??= doc.title;
        headerAuthor ??= doc.author;
      }
    }
    const title = pkg.title ?? headerTitle;
    const author = pkg.author ?? headerAuthor;
    return {
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      paragraphs,
      removed,
      gutenbergHeader,
      gutenbergFooter,
      warnings,
    };
  } finally {
    zip.close();
  }
}

function decodeHref(href: string): string {
  const noFragment = href.split('#')[0] ?? '';
  try {
    return decodeURIComponent(noFragment);
  } catch {
    return noFragment;
  }
}

type ManifestItem = { href: string; mediaType: string; properties: string };

/** The package document's path named by META-INF/container.xml (its first rootfile with a full-path). */
function readRootfile(container: string, where: string): string | undefined {
  let fullPath: string | undefined;
  parseMarkup(
    container,
    {
      open: (name, attrs) => {
        if (name === 'rootfile' && attrs['full-path']) fullPath ??= attrs['full-path'];
      },
      close: () => {},
      text: () => {},
    },
    { where },
  );
  return fullPath;
}

/** Manifest, spine and dc:title / dc:creator (the first author-role creator) of an OPF package document. */
function readPackage(opf: string, where: string) {
  const manifest = new Map<string, ManifestItem>();
  const spine: { idref: string; linear?: string }[] = [];
  const creators: { name: string; role?: string }[] = [];
  let title: string | undefined;
  let field: { name: 'title' | 'creator'; role?: string; text: string } | undefined;
  parseMarkup(
    opf,
    {
      open: (name, attrs) => {
        const local = name.replace(/^.*:/, '');
        if (local === 'item' && attrs.id && attrs.href) {
          manifest.set(attrs.id, { href: attrs.href, mediaType: attrs['media-type'] ?? '', properties: attrs.properties ?? '' });
        } else if (local === 'itemref' && attrs.idref) {
          spine.push({ idref: attrs.idref, linear: attrs.linear });
        } else if (name === 'dc:title' || name === 'dc:creator') {
          field = { name: name === 'dc:title' ? 'title' : 'creator', role: attrs['opf:role'], text: '' };
        }
      },
      text: (text) => {
        if (field) field.text += text;
      },
      close: (name) => {
        if (!field || (name !== 'dc:title' && name !== 'dc:creator')) return;
        const text = field.text.replace(/\s+/g, ' ').trim();
        if (text && field.name === 'title') title ??= text;
        if (text && field.name === 'creator') creators.push({ name: text, role: field.role });
        field = undefined;
      },
    },
    { where },
  );
  const author = (creators.find((c) => !c.role || c.role === 'aut') ?? creators[0])?.name;
  return { manifest, spine, title, author };
}
