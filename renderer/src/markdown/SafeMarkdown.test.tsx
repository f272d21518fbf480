// The policy renderer: the subset it supports, and nothing from the file becoming live HTML or a link.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeMarkdown } from './SafeMarkdown';

afterEach(cleanup);

describe('SafeMarkdown', () => {
  it('renders headings below the screen’s h1, paragraphs, lists, quotes and bold', () => {
    const { container } = render(
      <SafeMarkdown
        markdown={
          '# Title\n\nA **bold** word\nsame paragraph.\n\n## Part\n- one\n- two\n\n1. first\n\n> quoted\n> more'
        }
      />,
    );
    expect(container.querySelector('h2')?.textContent).toBe('Title');
    expect(container.querySelector('h3')?.textContent).toBe('Part');
    expect(container.querySelector('p strong')?.textContent).toBe('bold');
    expect(container.querySelector('p')?.textContent).toBe('A bold word same paragraph.');
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(container.querySelectorAll('ol li')).toHaveLength(1);
    expect(container.querySelector('blockquote')?.textContent).toBe('quoted more');
  });

  it('shows HTML in the file as text, never as elements', () => {
    const { container } = render(<SafeMarkdown markdown={'<script>alert(1)</script> <img src=x onerror=alert(1)>'} />);
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('shows a link as its text and address, not as something to follow', () => {
    const { container } = render(
      <SafeMarkdown markdown={'Official text: [the center](https://example.edu/policy).'} />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('Official text: the center (https://example.edu/policy).');
  });
});
