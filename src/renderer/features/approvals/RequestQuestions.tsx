import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Subject, Target } from '../../../shared/approvals/schemas.js';
import type { Answers, Question } from './requestQuestions.js';

interface Props {
  questions: Question[];
  answers: Answers;
  onChange: (answers: Answers) => void;
  onNext: () => void;
  onBack: () => void;
}

/** Step 2: only the questions the site's rules need for this action. Enter goes on to the preview. */
export function RequestQuestions({ questions, answers, onChange, onNext, onBack }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Answers>) => onChange({ ...answers, ...patch });
  return (
    <Stack
      component="form"
      spacing={2.5}
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
    >
      {questions.includes('subject') && (
        <FormControl>
          <FormLabel id="q-subject">{t('approvals.questions.subject')}</FormLabel>
          <RadioGroup
            aria-labelledby="q-subject"
            value={answers.subject}
            onChange={(e) => set({ subject: e.target.value as Subject })}
            data-testid="question-subject"
          >
            {Subject.options.map((s, i) => (
              <FormControlLabel
                key={s}
                value={s}
                control={
                  <Radio
                    autoFocus={i === 0}
                    slotProps={{ input: { 'data-testid': `question-subject-${s}` } as object }}
                  />
                }
                label={t(`approvals.subject.${s}`)}
              />
            ))}
          </RadioGroup>
        </FormControl>
      )}
      {questions.includes('target') && (
        <FormControl>
          <FormLabel id="q-target">{t('approvals.questions.target')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="q-target"
            value={answers.target}
            onChange={(e) => set({ target: e.target.value as Target })}
            data-testid="question-target"
          >
            {Target.options.map((s) => (
              <FormControlLabel
                key={s}
                value={s}
                control={<Radio slotProps={{ input: { 'data-testid': `question-target-${s}` } as object }} />}
                label={t(`approvals.target.${s}`)}
              />
            ))}
          </RadioGroup>
        </FormControl>
      )}
      {questions.includes('software') && (
        <TextField
          autoFocus={!questions.includes('target')}
          label={t('approvals.questions.software')}
          helperText={t('approvals.questions.softwareHelp')}
          value={answers.software}
          onChange={(e) => set({ software: e.target.value })}
          slotProps={{ htmlInput: { 'data-testid': 'question-software', autoComplete: 'off' } }}
          sx={{ maxWidth: 420 }}
        />
      )}
      {questions.includes('unmanaged') && (
        <FormControlLabel
          control={
            <Checkbox
              autoFocus
              checked={answers.unmanagedMachine}
              onChange={(e) => set({ unmanagedMachine: e.target.checked })}
              slotProps={{ input: { 'data-testid': 'question-unmanaged' } as object }}
            />
          }
          label={t('approvals.questions.unmanaged')}
        />
      )}
      <Stack direction="row" spacing={1}>
        <Button onClick={onBack}>{t('approvals.back')}</Button>
        <Button type="submit" variant="contained" data-testid="questions-next">
          {t('approvals.questions.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
