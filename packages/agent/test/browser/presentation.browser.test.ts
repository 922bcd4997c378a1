import { describePresentation } from '../../../../test-support/tour.js';
import { AGENT_TOURS } from './tour.js';

describePresentation('the agent elements', AGENT_TOURS, {
  theme:
    'chatpay-status-chip::part(label), chatpay-request-composer::part(request) { transition: background-color 300ms; }',
  state: 'empty',
});
