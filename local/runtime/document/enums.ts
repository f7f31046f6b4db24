// The DocumentApp and HtmlService enums as the services hand them out (made by the runtime's shared enum maker).
import { makeEnum } from '../enums';

const ATTRIBUTE_KEYS = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];
export const Attribute = makeEnum('Attribute', ATTRIBUTE_KEYS);
export const ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(ATTRIBUTE_KEYS);

export const ElementType = makeEnum('ElementType', [
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const);
export type ElementTypeKey = keyof typeof ElementType;

export const ParagraphHeading = makeEnum('ParagraphHeading', [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
] as const);
export type HeadingKey = keyof typeof ParagraphHeading;

export const HorizontalAlignment = makeEnum('HorizontalAlignment', [
  'LEFT',
  'CENTER',
  'RIGHT',
  'JUSTIFY',
] as const);
export type HorizontalAlignmentKey = keyof typeof HorizontalAlignment;

export const VerticalAlignment = makeEnum('VerticalAlignment', ['BOTTOM', 'CENTER', 'TOP'] as const);
export type VerticalAlignmentKey = keyof typeof VerticalAlignment;

export const GlyphType = makeEnum('GlyphType', [
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const);
export type GlyphTypeKey = keyof typeof GlyphType;

export const TextAlignment = makeEnum('TextAlignment', ['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT'] as const);

export const PositionedLayout = makeEnum('PositionedLayout', [
  'ABOVE_TEXT',
  'BREAK_BOTH',
  'BREAK_LEFT',
  'BREAK_RIGHT',
  'WRAP_TEXT',
] as const);

// Deprecated in the reference (font families are plain strings now) but still present on DocumentApp.
export const FontFamily = makeEnum('FontFamily', [
  'AMARANTH',
  'ARIAL',
  'ARIAL_BLACK',
  'ARIAL_NARROW',
  'ARVO',
  'CALIBRI',
  'CAMBRIA',
  'COMIC_SANS_MS',
  'CONSOLAS',
  'CORSIVA',
  'COURIER_NEW',
  'DANCING_SCRIPT',
  'DROID_SANS',
  'DROID_SERIF',
  'GARAMOND',
  'GEORGIA',
  'GLORIA_HALLELUJAH',
  'GREAT_VIBES',
  'LOBSTER',
  'MERRIWEATHER',
  'PACIFICO',
  'PHILOSOPHER',
  'POIRET_ONE',
  'QUATTROCENTO',
  'ROBOTO',
  'SHADOWS_INTO_LIGHT',
  'SYNCOPATE',
  'TAHOMA',
  'TIMES_NEW_ROMAN',
  'TREBUCHET_MS',
  'UBUNTU',
  'VERDANA',
] as const);

export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);
