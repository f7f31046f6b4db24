// The Update progress sidebar page: an HtmlService template that prints every value through <?= ?> (escaped for its
// context) and runs the bundled client script (src/client/sidebar.ts), which takes over the form from the state.
import { RAG_COLOURS, RAGS } from '../domain/rag';
import type { HtmlOutputPort, Services } from '../gas/ports';
import type { SidebarState } from './sidebarTypes';

export const SIDEBAR_TITLE = 'Update progress';

/**
 * The sidebar for `state`, evaluated and titled (Sheets shows the title above the sidebar). `clientScript` is the
 * bundled browser script; tests of the template alone may pass their own.
 */
export function sidebarPage(
  services: Pick<Services, 'createHtmlTemplate'>,
  state: SidebarState,
  clientScript: string = SIDEBAR_CLIENT_JS,
): HtmlOutputPort {
  const template = services.createHtmlTemplate(SIDEBAR_TEMPLATE);
  template.state = state;
  // The state reaches the client as an attribute printed by <?= ?> (HTML-escaped, decoded by the browser), so no
  // user text is ever printed unescaped: the only <?!= ?> is our own script, which the build checks.
  template.stateJson = JSON.stringify(state);
  template.clientScript = clientScript;
  return template.evaluate().setTitle(SIDEBAR_TITLE);
}

/** Each RAG's badge takes the colours of its row in the sheet (data-rag is set from the state, never free text). */
const RAG_CSS = RAGS.map(
  (rag) =>
    `.rag[data-rag="${rag}"] { background: ${RAG_COLOURS[rag].background}; color: ${RAG_COLOURS[rag].font}; }`,
).join('\n');

/**
 * Beside a field, after a clash both sides changed it: the officer's own text (read-only, to copy) and a button that
 * puts it back in the field. Hidden until then. `key` and `field` (its label) are ours, never user text; the names
 * a screen reader gives start with the words shown and say which field.
 */
function yoursBox(key: string, field: string): string {
  return `      <div id="${key}-yours" class="yours" hidden>
        <label for="${key}-yours-text">Your text</label>
        <textarea id="${key}-yours-text" rows="2" readonly aria-label="Your text for ${field}"></textarea>
        <button type="button" id="${key}-putback" aria-controls="${key}" aria-label="Put back your ${field}">Put back</button>
      </div>`;
}

// Scriptlets run in Apps Script's template engine, so they are plain ES5. The header is printed here so the page
// reads before its script runs; the client renders the same state into the same elements (textContent only).
const SIDEBAR_TEMPLATE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<base target="_top">
<meta charset="utf-8">
<style>
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #202124; margin: 0; padding: 12px; }
h1 { font-size: 16px; margin: 0 0 6px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
h2 { font-size: 14px; margin: 0 0 6px; }
p { margin: 0 0 8px; }
[hidden] { display: none !important; }
.rag { font-size: 12px; font-weight: normal; padding: 2px 8px; border-radius: 10px; border: 1px solid #9aa0a6; }
${RAG_CSS}
.action-text { white-space: pre-wrap; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0 0 12px; }
dt { color: #5f6368; }
dd { margin: 0; overflow-wrap: anywhere; }
.field { margin: 0 0 12px; }
label, legend { display: block; font-weight: bold; margin: 0 0 4px; }
.check label { display: inline; font-weight: normal; }
input[type="text"], input[type="date"], select, textarea { width: 100%; font: inherit; padding: 6px; border: 1px solid #80868b; border-radius: 4px; }
textarea { resize: vertical; }
fieldset { border: 1px solid #dadce0; border-radius: 4px; margin: 0 0 12px; padding: 8px; }
.hint { color: #5f6368; font-size: 12px; margin: 2px 0 0; }
.error { color: #a50e0e; font-weight: bold; margin: 4px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
[aria-invalid="true"] { border: 2px solid #a50e0e !important; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
.problems { border: 2px solid #a50e0e; background: #fce8e6; border-radius: 4px; padding: 8px; margin: 0 0 12px; }
.problems ul { margin: 4px 0 0; padding-left: 18px; }
.problems:empty, .saved:empty, .notice:empty { display: none; }
.saved { border: 2px solid #188038; background: #e6f4ea; border-radius: 4px; padding: 8px; margin: 0 0 12px; }
.notice { border: 1px solid #dadce0; background: #f1f3f4; border-radius: 4px; padding: 8px; margin: 0 0 12px; }
.changed { border: 2px solid #b06000; background: #fef7e0; border-radius: 4px; padding: 8px; margin: 0 0 12px; }
.changed table { border-collapse: collapse; width: 100%; margin: 0 0 8px; table-layout: fixed; }
.follow { border: 1px solid #dadce0; background: #e8f0fe; border-radius: 4px; padding: 8px; margin: 0 0 12px; }
.yours { border-left: 3px solid #b06000; background: #fef7e0; padding: 6px 8px; margin: 6px 0 0; }
.yours label { font-weight: normal; color: #5f6368; }
.yours textarea { background: #fff; margin: 0 0 6px; }
.changed th, .changed td { text-align: left; vertical-align: top; padding: 3px 4px; border-bottom: 1px solid #e0c080; overflow-wrap: anywhere; white-space: pre-wrap; }
button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #80868b; background: #fff; cursor: pointer; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; font-weight: bold; }
button:disabled, button[aria-disabled="true"] { opacity: 0.55; cursor: default; }
.buttons { display: flex; gap: 8px; align-items: center; }
nav { display: flex; gap: 8px; align-items: center; justify-content: space-between; border-top: 1px solid #dadce0; padding-top: 10px; margin-top: 4px; }
.position { color: #5f6368; text-align: center; flex: 1; }
</style>
</head>
<? var a = state.action; ?>
<body>
<main id="app" data-state="<?= stateJson ?>">
  <p id="notice" class="notice" role="status"><?= state.message || '' ?></p>

  <div id="follow" class="follow" role="status" hidden>
    <p id="follow-text"></p>
    <div class="buttons"><button type="button" id="follow-open"></button></div>
  </div>

  <section id="action" aria-labelledby="action-heading"<? if (!a) { ?> hidden<? } ?>>
    <h1 id="action-heading"><span id="action-code"><?= a ? a.code : '' ?></span>
      <span id="action-rag" class="rag" data-rag="<?= a ? a.rag : '' ?>"<? if (!a || !a.rag) { ?> hidden<? } ?>><?= a ? a.rag : '' ?></span></h1>
    <p id="action-text" class="action-text"><?= a ? a.action : '' ?></p>
    <dl>
      <dt>Lead</dt><dd id="action-lead"><?= a ? a.lead : '' ?></dd>
      <dt>Target date</dt><dd id="action-target"><?= a ? (a.effectiveTargetDate || 'none (ongoing)') : '' ?></dd>
    </dl>
  </section>

  <section id="changed" class="changed" aria-labelledby="changed-heading" tabindex="-1" hidden>
    <h2 id="changed-heading">Someone else changed this action</h2>
    <p>Nothing was saved, so nothing they wrote was overwritten. What they changed since you opened it:</p>
    <table>
      <thead><tr><th scope="col">Field</th><th scope="col">Theirs now</th><th scope="col">Yours</th></tr></thead>
      <tbody id="changed-rows"></tbody>
    </table>
    <div class="buttons"><button type="button" id="reload">Load the current values</button></div>
    <p class="hint">Your changes to anything they did not change stay in the form. Where you both changed a field,
      theirs goes in the form and yours stays beside it in a “Your text” box, to copy or put back.</p>
  </section>

  <form id="progress-form" novalidate<? if (!a) { ?> hidden<? } ?>>
    <div id="problems" class="problems" role="alert" tabindex="-1"></div>
    <div id="saved" class="saved" role="status"></div>

    <div class="field">
      <label for="status">Status</label>
      <select id="status" name="status" aria-describedby="status-error"></select>
      <p id="status-error" class="error" hidden></p>
${yoursBox('status', 'Status')}
    </div>

    <div class="field">
      <label for="progress">Progress (%)</label>
      <input id="progress" name="progress" type="text" inputmode="numeric" autocomplete="off"
        aria-describedby="progress-hint progress-error">
      <p id="progress-hint" class="hint">A whole number from 0 to 100.</p>
      <p id="progress-error" class="error" hidden></p>
${yoursBox('progress', 'Progress')}
    </div>

    <div class="field">
      <label for="latestUpdate">Latest update</label>
      <textarea id="latestUpdate" name="latestUpdate" rows="6"
        aria-describedby="latestUpdate-hint latestUpdate-error"></textarea>
      <p id="latestUpdate-hint" class="hint">Required when you change the Status.</p>
      <p id="latestUpdate-error" class="error" hidden></p>
${yoursBox('latestUpdate', 'Latest update')}
    </div>

    <div class="field check">
      <input id="dateMustMove" name="dateMustMove" type="checkbox" aria-controls="revision"
        aria-describedby="dateMustMove-hint">
      <label for="dateMustMove">The target date must move</label>
      <p id="dateMustMove-hint" class="hint"></p>
    </div>

    <fieldset id="revision" hidden>
      <legend>New target date</legend>
      <div class="field">
        <label for="revisedTargetDate">Revised target date</label>
        <input id="revisedTargetDate" name="revisedTargetDate" type="date" min="<?= state.today ?>"
          aria-describedby="revisedTargetDate-hint revisedTargetDate-error">
        <p id="revisedTargetDate-hint" class="hint">Today or later.</p>
        <p id="revisedTargetDate-error" class="error" hidden></p>
${yoursBox('revisedTargetDate', 'Revised target date')}
      </div>
      <div class="field">
        <label for="revisionReason">Revision reason</label>
        <textarea id="revisionReason" name="revisionReason" rows="3"
          aria-describedby="revisionReason-hint revisionReason-error"></textarea>
        <p id="revisionReason-hint" class="hint">Why the date must move. Needed with the new date.</p>
        <p id="revisionReason-error" class="error" hidden></p>
${yoursBox('revisionReason', 'Revision reason')}
      </div>
    </fieldset>

    <div class="buttons"><button type="submit" id="save" class="primary">Save</button></div>
  </form>

  <nav aria-label="Your actions">
    <button type="button" id="previous">Previous</button>
    <span id="position" class="position" aria-live="polite"></span>
    <button type="button" id="next">Next</button>
  </nav>
</main>
<script><?!= clientScript ?></script>
</body>
</html>
`;
