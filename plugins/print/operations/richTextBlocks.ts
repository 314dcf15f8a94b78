import type { PrintBlock, PrintInline } from '../render/types'

type LexicalNode = {
  children?: LexicalNode[]
  fields?: { url?: unknown }
  format?: number | string
  listType?: string
  tag?: string
  text?: string
  type?: string
  url?: unknown
}

// Lexical's text format bit flags (lexical/LexicalConstants: IS_BOLD, IS_ITALIC).
const BOLD = 1
const ITALIC = 2

function inlines(nodes: LexicalNode[] = [], link?: string): PrintInline[] {
  const runs: PrintInline[] = []
  for (const node of nodes) {
    if (node.type === 'text' && node.text) {
      const format = typeof node.format === 'number' ? node.format : 0
      runs.push({
        text: node.text,
        ...(format & BOLD ? { bold: true } : {}),
        ...(format & ITALIC ? { italic: true } : {}),
        ...(link ? { href: link } : {}),
      })
    } else if (node.type === 'linebreak') {
      runs.push({ text: '\n' })
    } else if (node.type === 'link' || node.type === 'autolink') {
      const url = node.fields?.url ?? node.url
      runs.push(...inlines(node.children, typeof url === 'string' ? url : undefined))
    } else if (node.children) {
      runs.push(...inlines(node.children, link))
    }
  }
  return runs
}

const isText = (runs: PrintInline[]) => runs.some(({ text }) => text.trim())

function listItems(list: LexicalNode): PrintBlock[][] {
  const items: PrintBlock[][] = []
  for (const item of list.children ?? []) {
    const nested = (item.children ?? []).filter((child) => child.type === 'list')
    const runs = inlines((item.children ?? []).filter((child) => child.type !== 'list'))
    const blocks: PrintBlock[] = [...(isText(runs) ? [{ kind: 'paragraph' as const, runs }] : []), ...nested.flatMap(blocksOf)]
    // Lexical nests a sub-list in an item of its own: it belongs to the item before it.
    if (!isText(runs) && nested.length && items.length) {
      items[items.length - 1].push(...blocks)
    } else if (blocks.length) {
      items.push(blocks)
    }
  }
  return items
}

function blocksOf(node: LexicalNode): PrintBlock[] {
  switch (node.type) {
    case 'heading': {
      const level = Number(/^h([1-6])$/.exec(node.tag ?? '')?.[1] ?? 2) as 1 | 2 | 3 | 4 | 5 | 6
      const text = inlines(node.children)
        .map((run) => run.text)
        .join('')
        .trim()
      return text ? [{ kind: 'heading', level, text }] : []
    }
    case 'list':
      return [
        {
          items: listItems(node),
          kind: 'list',
          ordered: node.listType === 'number',
        },
      ]
    case 'quote': {
      const runs = inlines(node.children)
      return isText(runs) ? [{ kind: 'quote', runs }] : []
    }
    case 'paragraph': {
      const runs = inlines(node.children)
      return isText(runs) ? [{ kind: 'paragraph', runs }] : []
    }
    default:
      // Uploads, relationships and blocks have no print form: a print carries the text only.
      return []
  }
}

/** Lexical rich text as the print templates' blocks: headings, paragraphs, lists and quotes. */
export function richTextBlocks(value: unknown): PrintBlock[] {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  return (root?.children ?? []).flatMap(blocksOf)
}

/** Whether a rich-text value holds any text at all (an emptied editor keeps an empty paragraph). */
export const hasRichText = (value: unknown): boolean => richTextBlocks(value).length > 0
