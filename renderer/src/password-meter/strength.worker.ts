// The password meter's worker: zxcvbn runs here, off the page's thread, and is loaded only when
// the first password is typed (this file is its own chunk, outside the initial bundle). It answers
// with the score and the feedback as locale keys, never with the password.
import zxcvbn from 'zxcvbn';
import { PASSWORD_MAX_LENGTH } from '../../../shared/password/password-rules';
import { strengthOf } from './strength-feedback';

interface Request {
  id: number;
  password: string;
  inputs: string[];
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = ({ data }) => {
  // zxcvbn's cost grows steeply with length; the main side never accepts more than 64 anyway.
  scope.postMessage({
    id: data.id,
    strength: strengthOf(zxcvbn(data.password.slice(0, PASSWORD_MAX_LENGTH), data.inputs)),
  });
};
