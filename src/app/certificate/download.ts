/**
 * Downloads made in the page: a Blob behind an object URL and a temporary <a download> (the CSP
 * allows `blob:`; nothing is sent anywhere). The URL is revoked after the browser has taken it.
 */
export function downloadFile(name: string, content: Uint8Array<ArrayBuffer> | string, type: string): void {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample and bounded.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
