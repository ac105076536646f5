/** Whether the popover runs on a Mac, where Cmd plays Ctrl's part in shortcuts. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
