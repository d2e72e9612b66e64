// Saves text as a file on the student's machine, named as given, through a
// temporary link: no server and no permission needed. type: its MIME type.
export function downloadText(text, fileName, type = 'text/x-c++src') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the blob once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
