// Renders the small Markdown subset policy texts use (headings, paragraphs, lists, quotes, bold)
// as React elements. No HTML from the file is ever injected, and links become plain text with
// their address, because a kiosk must not navigate anywhere.
import { Fragment, type ReactNode } from 'react';

type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^(?:[-*]|(\d+)\.)\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
    } else if (bullet) {
      flush();
      const ordered = bullet[1] !== undefined;
      const last = blocks.at(-1);
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(bullet[2]!);
      else blocks.push({ kind: 'list', ordered, items: [bullet[2]!] });
    } else if (line.startsWith('>')) {
      flush();
      const last = blocks.at(-1);
      const text = line.replace(/^>\s?/, '');
      if (last?.kind === 'quote') last.text += ` ${text}`;
      else blocks.push({ kind: 'quote', text });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** **bold** and [text](url) → text (url); everything else is literal text. */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out.push(text.slice(last, match.index));
    if (match[1] !== undefined) out.push(<strong key={match.index}>{match[1]}</strong>);
    else out.push(<Fragment key={match.index}>{`${match[2]} (${match[3]})`}</Fragment>);
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out;
}

/** headingOffset shifts the document's headings below the screen's own h1. */
export function SafeMarkdown({ markdown, headingOffset = 1 }: { markdown: string; headingOffset?: number }) {
  return (
    <>
      {parseBlocks(markdown).map((block, i) => {
        if (block.kind === 'heading') {
          const Tag = `h${Math.min(6, block.level + headingOffset)}` as 'h2';
          return <Tag key={i}>{inline(block.text)}</Tag>;
        }
        if (block.kind === 'list') {
          const Tag = block.ordered ? 'ol' : 'ul';
          return (
            <Tag key={i}>
              {block.items.map((item, j) => (
                <li key={j}>{inline(item)}</li>
              ))}
            </Tag>
          );
        }
        if (block.kind === 'quote') return <blockquote key={i}>{inline(block.text)}</blockquote>;
        return <p key={i}>{inline(block.text)}</p>;
      })}
    </>
  );
}
