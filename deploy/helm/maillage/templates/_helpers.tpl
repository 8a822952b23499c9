{{- define "maillage.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{- define "maillage.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "maillage.secretEnv" -}}
- name: DATABASE_URL_FILE
  value: /run/secrets/maillage/database-url
- name: SESSION_SECRET_FILE
  value: /run/secrets/maillage/session-secret
- name: ENCRYPTION_KEYS_FILE
  value: /run/secrets/maillage/encryption-keys
- name: BLIND_INDEX_KEY_FILE
  value: /run/secrets/maillage/blind-index-key
{{- if .Values.metricsTokenInSecret }}
- name: METRICS_TOKEN_FILE
  value: /run/secrets/maillage/metrics-token
{{- end }}
{{- end }}

{{- define "maillage.volumeMounts" -}}
- name: secrets
  mountPath: /run/secrets/maillage
  readOnly: true
- name: tmp
  mountPath: /tmp
- name: data
  mountPath: /data
{{- end }}

{{- define "maillage.volumes" -}}
- name: secrets
  secret:
    secretName: {{ .Values.existingSecret }}
- name: tmp
  emptyDir: {}
# With PostgreSQL, DATA_DIR holds nothing durable yet (media storage is its own issue).
- name: data
  emptyDir: {}
{{- end }}
