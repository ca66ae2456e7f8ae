'use client';
// Browser side of the API: JSON calls and uploads with progress (XHR, since fetch has no upload progress).

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    /** The server's error details (a 409 carries the row as it is now). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The one JSON call of the browser side (pages, polls through useApi, the editor). */
export async function apiJson<T>(url: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init?.signal,
  });
  // An aborted or cut-off body must not pass for an empty success; an error without a JSON body still reports.
  const data = (await res.json().catch((e: unknown) => {
    if (res.ok || init?.signal?.aborted) throw e;
    return {};
  })) as { error?: { message: string; code: string; details?: Record<string, unknown> } };
  if (!res.ok) throw new ApiError(data.error?.message ?? `Request failed (${res.status})`, res.status, data.error?.code, data.error?.details);
  return data as T;
}

export function uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}${url.includes('?') ? '&' : '?'}name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let data: { error?: { message: string; code: string } } = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data);
      } else reject(new ApiError(data.error?.message ?? `Upload of ${file.name} failed (${xhr.status})`, xhr.status, data.error?.code));
    };
    xhr.onerror = () => reject(new ApiError(`Upload of ${file.name} failed: network error. Try again.`, 0));
    xhr.send(file);
  });
}
