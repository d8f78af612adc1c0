// Type declarations of openspecimen-validate/form.
import type { Result, Schema } from './index.js';

/** When a bound form validates: a field when it loses focus, a field on every change, the whole form on submit. */
export type ValidateOn = 'blur' | 'input' | 'submit';

export interface BindFormOptions<Input = unknown, Output = unknown> {
  /** Control name → payload path, for controls whose name is not the path (`{ site0: 'pmis[0].siteName' }`). */
  fields?: Record<string, string>;
  /** Builds the payload from the form, instead of reading the named controls. */
  read?: (form: HTMLFormElement) => Input;
  /** Default `['blur', 'submit']`. */
  validateOn?: ValidateOn[];
  /**
   * Called on every submit after validation. Submission is already blocked when `result` has errors;
   * when it is valid, call `event.preventDefault()` here to send `result.value` yourself.
   */
  onResult?: (result: Result<Output>, event: SubmitEvent) => void;
  /** Where issues without a control go (the whole body, a field the form has no control for); gets role="alert". */
  summary?: HTMLElement | null;
}

export interface BoundForm<Output = unknown> {
  /** Validates the whole form now and shows every issue. */
  validate(): Result<Output>;
  /** Clears every message. */
  reset(): void;
  /** Clears every message, removes the message elements it created and stops listening. */
  destroy(): void;
}

/**
 * Validates a plain HTML form with a schema (`createValidator().user`): a field on blur, the whole form
 * on submit (blocked only when there are errors, focus moved to the first invalid control).
 */
export declare function bindForm<Input, Output>(
  form: HTMLFormElement,
  schema: Schema<Input, Output>,
  options?: BindFormOptions<Input, Output>
): BoundForm<Output>;
