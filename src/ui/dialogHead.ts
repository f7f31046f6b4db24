// The start of the Settings and Preview reminders dialogs' pages: one look for both.

/** Doctype, head and styles, up to and including <body>; a page's own markup follows. */
export const DIALOG_HEAD = `<!DOCTYPE html>
<html>
<head>
<base target="_top">
<style>
  body { font-family: Arial, sans-serif; font-size: 13px; color: #202124; }
  h2 { font-size: 15px; margin: 18px 0 6px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #e0e0e0; }
  th { background: #efefef; }
  .note { color: #5f6368; }
  .problem { color: #a50e0e; }
  .pass { color: #137333; font-weight: bold; }
  .fail { color: #a50e0e; font-weight: bold; }
</style>
</head>
<body>
`;
