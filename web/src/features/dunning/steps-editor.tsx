import { ActionIcon, Anchor, Button, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../app/i18n';
import { TableScroll } from '../../shared/ui/table-scroll';
import { useTemplateName } from '../mail-templates/template-names';
import {
  duplicateOffsets,
  MAX_OFFSET,
  MAX_STEPS,
  MIN_OFFSET,
  offsetParts,
  STEP_TEMPLATES,
  type StepTemplate,
} from './dunning.api';

/** A step being edited: the offset may be empty while typed. */
export interface DraftStep {
  offsetDays: number | null;
  template: StepTemplate;
}

/** "3 days before the due date", "On the due date", "7 days after the due date". */
export function useOffsetLabel(): (offsetDays: number | null) => string {
  const { t } = useTranslation('dunning');
  return (offsetDays) => {
    if (offsetDays === null) return t('offset.manual');
    const { key, count } = offsetParts(offsetDays);
    return key === 'on' ? t('offset.on') : t(`offset.${key}`, { count });
  };
}

export function stepProblem(steps: readonly DraftStep[], index: number): 'range' | 'duplicate' | null {
  const offset = steps[index]?.offsetDays;
  if (offset === null || offset === undefined || !Number.isInteger(offset)) return 'range';
  if (offset < MIN_OFFSET || offset > MAX_OFFSET) return 'range';
  return duplicateOffsets(steps).has(index) ? 'duplicate' : null;
}

/** The steps table: days from the due date (with the words), the template with its editor, remove; add. */
export function StepsEditor({
  steps,
  onChange,
  readOnly,
  serverErrors = {},
}: {
  steps: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  readOnly: boolean;
  serverErrors?: Record<number, string>;
}) {
  const { t } = useTranslation('dunning');
  const templateName = useTemplateName();
  const offsetLabel = useOffsetLabel();
  const locale = currentLocale();
  const set = (i: number, step: Partial<DraftStep>) =>
    onChange(steps.map((s, j) => (j === i ? { ...s, ...step } : s)));
  const add = () => {
    const last = steps.reduce((m, s) => Math.max(m, s.offsetDays ?? 0), -1);
    onChange([...steps, { offsetDays: Math.min(MAX_OFFSET, last + 7), template: 'reminder' }]);
  };
  return (
    <>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('steps.empty')}
        </Text>
      ) : (
        <TableScroll minWidth={640} stack>
          <Table aria-label={t('steps.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('steps.days')}</Table.Th>
                <Table.Th>{t('steps.when')}</Table.Th>
                <Table.Th>{t('steps.template')}</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {steps.map((step, i) => {
                const problem = stepProblem(steps, i);
                const error =
                  serverErrors[i] ??
                  (problem === 'duplicate'
                    ? t('steps.duplicate')
                    : problem === 'range'
                      ? t('steps.range')
                      : undefined);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the sequence being edited
                  <Table.Tr key={i} data-testid={`step-${i}`}>
                    <Table.Td data-label={t('steps.days')}>
                      <NumberInput
                        aria-label={t('steps.daysOf', { n: i + 1 })}
                        value={step.offsetDays ?? ''}
                        onChange={(v) => set(i, { offsetDays: typeof v === 'number' ? v : null })}
                        min={MIN_OFFSET}
                        max={MAX_OFFSET}
                        allowDecimal={false}
                        readOnly={readOnly}
                        error={error}
                        w={140}
                      />
                    </Table.Td>
                    <Table.Td data-label={t('steps.when')} fz="sm">
                      {step.offsetDays === null ? '—' : offsetLabel(step.offsetDays)}
                    </Table.Td>
                    <Table.Td data-label={t('steps.template')}>
                      {/* One block: on a phone the row's card puts it beside the label, the select
                          as wide as the line allows (a template's name is long) and its link below. */}
                      <Stack gap={4} align="flex-start" style={{ flex: 1 }}>
                        <Select
                          aria-label={t('steps.templateOf', { n: i + 1 })}
                          data={STEP_TEMPLATES.map((k) => ({ value: k, label: templateName(k) }))}
                          value={step.template}
                          onChange={(v) => v && set(i, { template: v as StepTemplate })}
                          allowDeselect={false}
                          readOnly={readOnly}
                          w={{ base: '100%', sm: 240 }}
                        />
                        <Anchor
                          component={Link}
                          to={`/console/settings/mail-templates/${step.template}/${locale}`}
                          size="sm"
                          underline="always"
                          aria-label={t('steps.editOf', { name: templateName(step.template) })}
                        >
                          {t('steps.edit')}
                        </Anchor>
                      </Stack>
                    </Table.Td>
                    <Table.Td data-empty={readOnly || undefined}>
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size={32}
                          aria-label={t('steps.remove', { n: i + 1 })}
                          onClick={() => onChange(steps.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {!readOnly && (
        <Button
          variant="light"
          size="compact-md"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={add}
          disabled={steps.length >= MAX_STEPS}
          w="fit-content"
        >
          {t('steps.add')}
        </Button>
      )}
      {steps.length >= MAX_STEPS && !readOnly && (
        <Text size="xs" c="dimmed">
          {t('steps.tooMany', { max: MAX_STEPS })}
        </Text>
      )}
    </>
  );
}

/** The steps fit to send: every offset valid and once. */
export function stepsValid(steps: readonly DraftStep[]): boolean {
  return steps.every((_, i) => stepProblem(steps, i) === null) && steps.length <= MAX_STEPS;
}

/** Field errors of a refused save (`steps/2/offsetDays`) by row. */
export function stepErrorsOf(error: unknown): Record<number, string> {
  const entries = (error as { problem?: { errors?: { field: string; message: string }[] } })?.problem?.errors;
  const out: Record<number, string> = {};
  for (const e of entries ?? []) {
    const m = /steps[/.](\d+)/.exec(e.field);
    if (m) out[Number(m[1])] = e.message;
  }
  return out;
}
