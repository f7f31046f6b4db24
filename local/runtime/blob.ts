// Blob as Apps Script's Utilities, Charts and HtmlService hand it out: bytes, a content type and a name.
import { NotImplementedError, type RuntimeCore } from './core';

export class LocalBlob {
  constructor(
    private bytes: Uint8Array,
    private contentType: string | null,
    private name: string | null,
    /** Wraps a new blob (a copy) the way this one was handed out, so copies are counted too. */
    private readonly _wrap: (blob: LocalBlob) => LocalBlob = (blob) => blob,
  ) {}

  getBytes(): number[] {
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b)); // Apps Script bytes are signed Java bytes
  }
  getDataAsString(charset?: string): string {
    return Buffer.from(this.bytes).toString(nodeEncoding(charset));
  }
  setBytes(data: number[]): LocalBlob {
    this.bytes = Uint8Array.from(data, (b) => b & 0xff);
    return this;
  }
  setDataFromString(data: string, charset?: string): LocalBlob {
    this.bytes = new Uint8Array(Buffer.from(String(data), nodeEncoding(charset)));
    return this;
  }
  /** Blobs made by the local runtime are never Google Docs/Sheets files. */
  isGoogleType(): boolean {
    return false;
  }
  /**
   * Converting to the type the blob already has is a copy (with the extension Apps Script would put on the
   * name); real conversions (to PDF, between image formats) need Google's converters and are refused.
   */
  getAs(contentType: string): LocalBlob {
    if (contentType !== this.contentType) {
      throw new NotImplementedError(`Blob.getAs(${contentType}) from ${this.contentType ?? 'unknown type'}`);
    }
    return this.copyBlob();
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): LocalBlob {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): LocalBlob {
    this.name = name;
    return this;
  }
  copyBlob(): LocalBlob {
    return this._wrap(new LocalBlob(this.bytes.slice(), this.contentType, this.name, this._wrap));
  }
  getBlob(): LocalBlob {
    return this;
  }
  /** The runtime's own access to the raw bytes (not an Apps Script method). */
  _raw(): Uint8Array {
    return this.bytes;
  }
}

/** Apps Script charset names ("UTF-8", "US-ASCII", "ISO-8859-1") as Node encodings. */
function nodeEncoding(charset?: string): BufferEncoding {
  if (charset === undefined) return 'utf8';
  const name = String(charset).toUpperCase().replace(/_/g, '-');
  if (name === 'UTF-8') return 'utf8';
  if (name === 'US-ASCII') return 'ascii';
  if (name === 'ISO-8859-1' || name === 'LATIN1') return 'latin1';
  throw new NotImplementedError(`Blob charset ${String(charset)}`);
}

/** Makes a blob that counts its calls under `service` (the service that handed it out). */
export function newBlob(
  core: RuntimeCore,
  service: string,
  data: string | Uint8Array | number[],
  contentType: string | null = null,
  name: string | null = null,
): LocalBlob {
  const bytes =
    typeof data === 'string'
      ? new Uint8Array(Buffer.from(data, 'utf8'))
      : Uint8Array.from(data, (b) => b & 0xff);
  const wrap = (blob: LocalBlob): LocalBlob => core.expose(service, 'Blob', blob);
  return wrap(new LocalBlob(bytes, contentType, name, wrap));
}
