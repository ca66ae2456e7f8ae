import path from 'node:path';

export const AUDIO_EXTENSIONS = ['.mp3', '.ogg', '.oga', '.opus', '.flac', '.wav', '.m4a', '.aac', '.mp4'];
export const EBOOK_EXTENSIONS = ['.txt', '.html', '.htm', '.xhtml', '.epub'];

export function extensionOf(fileName: string): string {
  return path.extname(fileName).toLowerCase();
}

export function isAudioFileName(fileName: string): boolean {
  return AUDIO_EXTENSIONS.includes(extensionOf(fileName));
}

/** A file name safe to keep in a storage key: basename only, odd characters replaced. */
export function safeFileName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/'));
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^\.+/, '_').slice(0, 200);
  return cleaned || 'file';
}
