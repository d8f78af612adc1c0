import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useForm } from 'react-hook-form';
import { createValidator } from 'openspecimen-validate';

const validator = createValidator({ mode: 'put', serverVersion: '4.1' });
export const resolver = standardSchemaResolver(validator.participant);

// In a component:
//   const { register, handleSubmit, formState: { errors } } = useParticipantForm(participant);
//   <input {...register('pmis.1.siteName')} />  {errors.pmis?.[1]?.siteName?.message}
export function useParticipantForm(defaultValues) {
  return useForm({ defaultValues, mode: 'onBlur', resolver });
}
