// A password input that never puts the password into the DOM as an attribute. React writes a
// controlled input's value into its value attribute as well; this input is uncontrolled, so the
// text lives only in the element's live value, and clearing is done on the element itself.
import { useEffect, useRef, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'type'> & {
  /** What the caller holds; only its emptying is pushed back into the element. */
  value: string;
  onValue(value: string): void;
};

export function SecretInput({ value, onValue, ...rest }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (value === '' && ref.current && ref.current.value !== '') ref.current.value = '';
  }, [value]);
  return <input {...rest} ref={ref} type="password" onChange={(e) => onValue(e.target.value)} />;
}
