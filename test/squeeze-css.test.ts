// The build squeezes the CSS of css`…` literals that have interpolations (scripts/squeeze-css.ts):
// the shipped stylesheets must parse to exactly the rules the source has, in every engine.
import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
import { squeezeCss } from '../scripts/squeeze-css.js';
import '../src/define.js';
import * as tokens from '../src/internal/tokens.styles.js';
import * as menu from '../src/components/chat-header-menu/chat-header-menu.styles.js';
import * as popup from '../src/components/chat-header-menu/popup.styles.js';
import * as dialog from '../src/components/chat-confirm-dialog/chat-confirm-dialog.styles.js';
import * as notice from '../src/components/chat-block-notice/chat-block-notice.styles.js';
import * as banner from '../src/components/chat-block-banner/chat-block-banner.styles.js';
import * as listView from '../src/components/chat-blocked-list/blocked-list-view.styles.js';

const TAGS = ['chat-header-menu', 'chat-menu-item', 'chat-confirm-dialog', 'chat-status-pill', 'chat-block-notice', 'chat-block-banner', 'chat-blocked-list'];

/** Every stylesheet the library has: each element's own, and those added or loaded later. */
function librarySheets(): Map<string, string> {
  const sheets = new Map<string, string>();
  const add = (name: string, group: CSSResultGroup | undefined) => {
    if (Array.isArray(group)) group.forEach((g, i) => add(`${name}[${i}]`, g));
    else if (group && 'cssText' in group) sheets.set(name, (group as CSSResult).cssText);
  };
  for (const tag of TAGS) {
    const element = customElements.get(tag) as unknown as { elementStyles: CSSResultGroup };
    add(tag, element.elementStyles);
  }
  for (const [module, exports] of Object.entries({ tokens, menu, popup, dialog, notice, banner, listView })) {
    for (const [name, value] of Object.entries(exports)) add(`${module}.${name}`, value as CSSResultGroup);
  }
  return sheets;
}

/**
 * The rules as the engine parsed them, in its serialization (comments gone, whitespace its own).
 * A value with var() keeps its tokens as written, so space next to a comma or parenthesis is
 * left out of the comparison: CSS reads none there (a lost rule, declaration or combinator
 * still shows).
 */
function parsed(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s*([,()])\s*/g, '$1'));
}

describe('squeezeCss (the build step for CSS literals with interpolations)', () => {
  it('leaves every stylesheet of the library with the same rules, and smaller', () => {
    const sheets = librarySheets();
    expect(sheets.size).to.be.greaterThan(12);
    for (const [name, text] of sheets) {
      const squeezed = squeezeCss(text);
      expect(parsed(squeezed), name).to.deep.equal(parsed(text));
      expect(squeezed, name).not.to.match(/\/\*|\s\s|;\}/);
      if (/\/\*|\s\s/.test(text)) expect(squeezed.length, name).to.be.lessThan(text.length);
    }
  });

  it('keeps interpolations where they were: in a value, as declarations, as rules', () => {
    const values = [tokens.hoverColor.cssText, tokens.surfaceBox.cssText, tokens.tokens.cssText, '1px'];
    const fill = (text: string) => text.replace(/\$\{(\d)\}/g, (_, k: string) => values[Number(k)]);
    const source = `
      /* the host */
      :host {
        color: \${0} ;
        \${1}
      }
      \${2}
      [part~='trigger'] :is(a, b) , b > c { outline: 2px solid \${0}; margin: \${3} \${3}; width: calc(\${3} + 2px); }
      @media screen and (min-width: 2px) { a :hover { content: '  two  spaces ' } }
    `;
    const squeezed = squeezeCss(source);
    expect(squeezed).to.include('${0};${1}}${2}').and.include('${3} ${3}').and.include('and (').and.include("'  two  spaces '");
    expect(parsed(fill(squeezed))).to.deep.equal(parsed(fill(source)));
  });
});
