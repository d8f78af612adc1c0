import { FormApi } from '@tanstack/form-core';
import { createValidator } from 'openspecimen-validate';

const validator = createValidator({ mode: 'patch' });

// React, Vue, Solid…: useForm() of @tanstack/react-form (and the others) takes the same options.
export function createParticipantForm(participant, save) {
  return new FormApi({
    defaultValues: participant,
    validators: { onChange: validator.participant },
    onSubmit: ({ value }) => save(validator.participant.validate(value).value),
  });
}
// A field's messages: form.getFieldMeta('pmis[1].siteName')?.errors.map((issue) => issue.message)
