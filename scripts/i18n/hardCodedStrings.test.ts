/**
 * Fails on user-visible text written into a component instead of a catalogue key: JSX text, and
 * string literals given to props a person sees or hears (label, title, placeholder, aria-label,
 * helperText, alt …). Parsed with the TypeScript compiler API over src/renderer/**\/*.tsx (tests and
 * test kits excluded). Text without a letter (a separator such as "·" or "—") passes; anything else
 * must be in ALLOWED below, with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../src/renderer');

const VISIBLE_PROPS = new Set([
  'label',
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'helperText',
  'alt',
  'primary',
  'secondary',
  'tooltip',
  'subheader',
]);

/** Exact strings that are not language: brand names, formats, codes a person types as they are. */
const ALLOWED: ReadonlyMap<string, string> = new Map([['Callsign', 'the product name, the same in every language']]);

const HAS_LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : tsxFiles(path);
    return e.name.endsWith('.tsx') && !/\.(test|testkit)\.tsx$/.test(e.name) ? [path] : [];
  });
}

export function findHardCodedStrings(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const value = text.replace(/\s+/g, ' ').trim();
    if (!HAS_LETTER.test(value) || ALLOWED.has(value)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${relative(ROOT, fileName)}:${line + 1} "${value}"`);
  };
  /** Strings in value position: the expression itself, `?:` branches, `??`/`||` fallbacks, template text. */
  const reportValues = (e: ts.Node | undefined): void => {
    if (!e) return;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
    else if (ts.isTemplateExpression(e)) {
      report(e.head, e.head.text);
      for (const span of e.templateSpans) report(span.literal, span.literal.text);
    } else if (ts.isParenthesizedExpression(e)) reportValues(e.expression);
    else if (ts.isConditionalExpression(e)) {
      reportValues(e.whenTrue);
      reportValues(e.whenFalse);
    } else if (
      ts.isBinaryExpression(e) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(
        e.operatorToken.kind,
      )
    )
      reportValues(e.right);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      reportValues(node.expression);
    else if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(sf))) {
      const init = node.initializer;
      if (init && ts.isJsxExpression(init)) reportValues(init.expression);
      else reportValues(init);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no hard-coded user-visible strings in components', () => {
  it('finds JSX text and literal visible props (the check itself)', () => {
    const src = [
      `const a = <Box title="Open site" aria-label={'Close'} data-testid="x">Hello {'there'} · {t('k')}</Box>;`,
      `const b = <><Chip label={on ? t('on') : 'Off'} />{\`\${n} left\`}{x === 'dark' && t('d')}</>;`,
    ].join('\n');
    expect(findHardCodedStrings(join(ROOT, 'x.tsx'), src)).toEqual([
      'x.tsx:1 "Open site"',
      'x.tsx:1 "Close"',
      'x.tsx:1 "Hello"',
      'x.tsx:1 "there"',
      'x.tsx:2 "Off"',
      'x.tsx:2 "left"',
    ]);
  });

  it('every component takes its text from the catalogues', () => {
    const findings = tsxFiles(ROOT).flatMap((f) => findHardCodedStrings(f, readFileSync(f, 'utf8')));
    expect(findings).toEqual([]);
  });
});
