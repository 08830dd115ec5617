import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { explainDecision, getAction } from '../../../shared/approvals/index.js';
import { useSessionStatus } from '../session/useSessionStatus.js';
import { ActionPicker } from './ActionPicker.js';
import { recordCaller } from './buildApprovalRecord.js';
import { CallRunner } from './CallRunner.js';
import { DecisionPreview } from './DecisionPreview.js';
import type { WizardContext } from './loadWizardContext.js';
import { reasonSentences } from './reasonSentences.js';
import { DEFAULT_ANSWERS, questionsFor, requestFor, type Answers } from './requestQuestions.js';
import { RequestQuestions } from './RequestQuestions.js';
import { useCallRunner } from './useCallRunner.js';
import { WizardHeader } from './WizardHeader.js';

type Step = 'action' | 'questions' | 'preview' | 'call';

/** The approvals wizard for one caller: pick → questions → "What will happen" → call runner. */
export function ApprovalWizard({ context, onRestart }: { context: WizardContext; onRestart: () => void }) {
  const { t } = useTranslation();
  const session = useSessionStatus();
  const [recordId] = useState(() => crypto.randomUUID());
  const [step, setStep] = useState<Step>('action');
  const [actionId, setActionId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>(DEFAULT_ANSWERS);
  const [ticket, setTicket] = useState('');
  const [typedCaller, setTypedCaller] = useState({ name: '', number: '' });
  const { site, profile, rules } = context;

  const request = useMemo(
    () => (actionId ? requestFor(site.id, actionId, profile?.id, answers) : null),
    [actionId, answers, site.id, profile?.id],
  );
  const explained = useMemo(() => (request ? explainDecision(rules, request) : null), [rules, request]);
  const decision = explained?.decision ?? null;
  const why = useMemo(
    () => (explained ? reasonSentences(t, explained.reasons, context.hasPolicy) : []),
    [t, explained, context.hasPolicy],
  );
  const user = session.data?.user;
  const caller = recordCaller(profile, typedCaller);
  const callerName = profile
    ? `${profile.firstName} ${profile.lastName}`
    : typedCaller.name.trim() || t('approvals.wizard.theCaller');
  const runner = useCallRunner({
    recordId,
    request,
    context,
    caller,
    technician: { id: user?.id ?? 'unknown', name: user?.name ?? '' },
    ticket,
  });

  const questions = actionId ? questionsFor(actionId) : [];
  const pick = (id: string) => {
    setActionId(id);
    setAnswers(DEFAULT_ANSWERS);
    setStep(questionsFor(id).length > 0 ? 'questions' : 'preview');
  };
  const started = step === 'call' && runner.state !== null;

  return (
    <Paper sx={{ p: 2.5 }} data-testid="approval-wizard" data-step={step}>
      <Stack spacing={2}>
        <WizardHeader
          site={site}
          profile={profile}
          actionTitle={actionId ? getAction(actionId)?.title : undefined}
          typedCaller={typedCaller}
          onTypedCaller={setTypedCaller}
          ticket={ticket}
          onTicket={setTicket}
          locked={runner.saved}
        />
        {actionId && !started && step !== 'action' && (
          <Stack direction="row">
            <Button size="small" onClick={() => setStep('action')} data-testid="change-action">
              {t('approvals.wizard.changeAction')}
            </Button>
          </Stack>
        )}
        <Divider />
        {step === 'action' && <ActionPicker onPick={pick} />}
        {step === 'questions' && (
          <RequestQuestions
            questions={questions}
            answers={answers}
            onChange={setAnswers}
            onNext={() => setStep('preview')}
            onBack={() => setStep('action')}
          />
        )}
        {step === 'preview' && decision && (
          <DecisionPreview
            decision={decision}
            why={why}
            callerName={callerName}
            actionId={actionId ?? ''}
            siteMessage={site.siteMessage}
            onBack={() => setStep(questions.length > 0 ? 'questions' : 'action')}
            onStart={() => {
              runner.begin(decision);
              setStep('call');
            }}
          />
        )}
        {started && runner.state && (
          <CallRunner
            runner={runner}
            state={runner.state}
            recordId={recordId}
            callerName={callerName}
            why={why}
            onRestart={onRestart}
          />
        )}
      </Stack>
    </Paper>
  );
}
