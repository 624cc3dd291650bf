// The frame of the Workshop and Praktik baik forms that check themselves before they are sent: the heading,
// the list of problems, the fields, the server's error and the buttons.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { lengthAttributes, type TextLength } from '../../shared/text-length.ts';
import type { TextKeys } from '../draft.ts';
import { FormProblems, useFocusOnRefusal } from '../fields.tsx';
import { useT } from '../lang.ts';
import { FormSubmit, useAction } from '../operator/ui.tsx';
import { LearnError } from './learning-ui.tsx';

type Problems = Record<string, string | undefined>;

/**
 * A form checked when it is sent: `check` names a problem per field (undefined where there is none). With any,
 * they are shown and the first field with one takes focus; with none, `save` runs and `onSaved` gets its result.
 */
export function useCheckedForm<T>(props: {
  check: () => Problems;
  save: () => Promise<T>;
  onSaved: (saved: T) => void;
}) {
  const action = useAction();
  const [problems, setProblems] = useState<Problems>({});
  const { form: formRef, refused } = useFocusOnRefusal();

  async function submit(event: Event) {
    event.preventDefault();
    const found = props.check();
    setProblems(found);
    if (Object.values(found).some(Boolean)) {
      refused();
      return;
    }
    let saved: T | undefined;
    const ok = await action.run(async () => {
      saved = await props.save();
    });
    if (ok && saved) props.onSaved(saved);
  }

  return { action, problems, formRef, submit };
}

/**
 * The text fields of a checked form, bound by their key in its draft: `field(key)` gives a field its value, its
 * change, the problem `check` found in it and, for a text named in `lengths`, its `minLength` and `maxLength`.
 */
export function bindTextFields<D>(
  draft: D,
  setDraft: (draft: D) => void,
  problems: Problems,
  lengths: Partial<Record<TextKeys<D>, TextLength>> = {},
) {
  return (key: TextKeys<D>) => {
    const length = lengths[key];
    return {
      value: draft[key] as string,
      onInput: (value: string) => setDraft({ ...draft, [key]: value }),
      error: problems[key as string],
      ...(length && lengthAttributes(length)),
    };
  };
}

/** The form of `useCheckedForm`, named by its heading (`<prefix>-title`), with `intro` above its problems. */
export function LearnForm(props: {
  form: ReturnType<typeof useCheckedForm<unknown>>;
  prefix: string;
  heading: string;
  intro?: ComponentChildren;
  submitLabel: string;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const t = useT();
  const { form } = props;
  return (
    <form
      ref={form.formRef}
      class="op-form"
      noValidate
      onSubmit={form.submit}
      aria-labelledby={`${props.prefix}-title`}
    >
      <h2 id={`${props.prefix}-title`} tabIndex={-1}>
        {props.heading}
      </h2>
      {props.intro}
      <FormProblems title={t('learn.form.problems')} problems={form.problems} />
      {props.children}
      <LearnError error={form.action.error} />
      <FormSubmit label={props.submitLabel} disabled={form.action.isBusy} onCancel={props.onCancel} />
    </form>
  );
}
