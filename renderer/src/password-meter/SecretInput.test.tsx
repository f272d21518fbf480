// The password never becomes a DOM attribute: not while it is typed, and not after the caller
// empties it (the field is then empty on screen too).
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretInput } from './SecretInput';

afterEach(cleanup);

function Holder() {
  const [value, setValue] = useState('');
  return (
    <>
      <label htmlFor="secret">Secret</label>
      <SecretInput id="secret" value={value} onValue={setValue} />
      <output>{value.length}</output>
      <button type="button" onClick={() => setValue('')}>
        clear
      </button>
    </>
  );
}

describe('SecretInput', () => {
  it('passes the typed text to its caller without writing a value attribute', () => {
    const { container } = render(<Holder />);
    const input = screen.getByLabelText('Secret') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'Vb7#qLm2!xTr9wKz' } });
    expect(screen.getByRole('status').textContent).toBe('16');
    expect(input.getAttribute('value')).toBeNull();
    expect(container.innerHTML).not.toContain('Vb7#qLm2');
    expect(input.type).toBe('password');
  });

  it('empties the field when the caller empties its value', () => {
    render(<Holder />);
    const input = screen.getByLabelText('Secret') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'Vb7#qLm2!xTr9wKz' } });
    fireEvent.click(screen.getByRole('button', { name: 'clear' }));
    expect(input.value).toBe('');
  });
});
